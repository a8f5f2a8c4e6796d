import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { forumAttachments, uploads } from "@/db/schema";
import { uploadRow } from "@/db/uploads";
import { AppError } from "@/lib/errors";
import { hitRateLimits } from "@/lib/rate-limit/mutations";
import { attachmentName, processAttachments } from "./attachments";
import { ATTACHMENT_LIMIT_ERRORS, ATTACHMENT_LIMITS, PENDING_FIELD } from "./schema";

/**
 * Files sent with a preview (or with a post the server sent back) are not lost: they are checked as on
 * posting and kept as the member's pending uploads; the form carries them as ticked checkboxes
 * (`attachment` = "<upload id>:<file name>"), and posting attaches them. Unused ones go after a day.
 */
export type PendingAttachment = { id: string; filename: string };

/** Pending files older than this are deleted by the hourly job (lib/forum/jobs.ts). */
export const PENDING_HOURS = 24;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const refuse = (message: string) => new AppError({ code: "invalid", message, field: "attachments" });

/** The pending files the form still lists (ticked), as sent: not yet checked for ownership. */
export function pendingFromForm(formData: FormData): PendingAttachment[] {
  const found = new Map<string, PendingAttachment>();
  for (const value of formData.getAll(PENDING_FIELD)) {
    if (typeof value !== "string") continue;
    const at = value.indexOf(":");
    const id = value.slice(0, at);
    if (at > 0 && UUID.test(id)) found.set(id, { id, filename: value.slice(at + 1, at + 201) });
  }
  return [...found.values()];
}

/**
 * The pending files of this form and the newly chosen ones, kept for `ownerId`. Files listed that are
 * not the member's own pending uploads are dropped; files over a limit or of another type are not
 * kept. Either comes back as `error` (a message key for the attachments field) beside what was kept.
 */
export async function gatherAttachments(
  ownerId: string,
  formData: FormData,
): Promise<{ pending: PendingAttachment[]; error?: string }> {
  const listed = pendingFromForm(formData);
  const pending = await ownPending(ownerId, listed);
  const error = pending.length < listed.length ? "attachmentGone" : undefined;
  const files = formData.getAll("attachments").filter((f): f is File => f instanceof Blob && f.size > 0);
  if (files.length === 0) return { pending, error };
  if (pending.length + files.length > ATTACHMENT_LIMITS.count)
    return { pending, error: ATTACHMENT_LIMIT_ERRORS.count };
  try {
    const limit = await hitRateLimits([
      { key: `forum:pending:hour:${ownerId}`, limit: 30, windowSeconds: 3600 },
    ]);
    if (!limit.allowed) throw refuse("forumRateLimited");
    const processed = await processAttachments(files);
    const db = await getDb();
    const stored = await db
      .insert(uploads)
      .values(processed.map((file) => uploadRow(ownerId, "forum_pending", file)))
      .returning({ id: uploads.id });
    return {
      pending: [...pending, ...stored.map((s, i) => ({ id: s.id, filename: processed[i]!.filename }))],
      error,
    };
  } catch (e) {
    if (e instanceof AppError && e.field === "attachments") return { pending, error: e.message };
    throw e;
  }
}

/** Of these, the ones that are `ownerId`'s own pending uploads (in the order given). */
async function ownPending(ownerId: string, listed: PendingAttachment[]): Promise<PendingAttachment[]> {
  if (listed.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({ id: uploads.id, contentType: uploads.contentType })
    .from(uploads)
    .where(
      and(
        inArray(
          uploads.id,
          listed.map((p) => p.id),
        ),
        eq(uploads.ownerId, ownerId),
        eq(uploads.purpose, "forum_pending"),
      ),
    );
  const types = new Map(rows.map((r) => [r.id, r.contentType]));
  return listed
    .filter((p) => types.has(p.id))
    .map((p) => ({ id: p.id, filename: attachmentName(p.filename, types.get(p.id)!) }));
}

/**
 * Attaches the author's pending uploads to their new post, inside the post's transaction. An id that
 * is not (or no longer) the author's pending upload refuses the whole post.
 */
export async function claimPending(
  tx: Executor,
  ownerId: string,
  postId: number,
  pending: PendingAttachment[],
) {
  if (pending.length === 0) return;
  const claimed = await tx
    .update(uploads)
    .set({ purpose: "forum_attachment" })
    .where(
      and(
        inArray(
          uploads.id,
          pending.map((p) => p.id),
        ),
        eq(uploads.ownerId, ownerId),
        eq(uploads.purpose, "forum_pending"),
      ),
    )
    .returning({ id: uploads.id, contentType: uploads.contentType });
  if (claimed.length !== pending.length) throw refuse("attachmentGone");
  const types = new Map(claimed.map((c) => [c.id, c.contentType]));
  await tx.insert(forumAttachments).values(
    pending.map((p) => ({
      postId,
      uploadId: p.id,
      filename: attachmentName(p.filename, types.get(p.id)!),
    })),
  );
}

/** Deletes pending uploads nobody posted within PENDING_HOURS; returns how many went. */
export async function deleteStalePending(): Promise<number> {
  const db = await getDb();
  const gone = await db
    .delete(uploads)
    .where(
      and(
        eq(uploads.purpose, "forum_pending"),
        lt(uploads.createdAt, sql`now() - ${PENDING_HOURS} * interval '1 hour'`),
      ),
    )
    .returning({ id: uploads.id });
  return gone.length;
}
