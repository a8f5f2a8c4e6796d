import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { type UploadPurpose, uploads } from "@/db/schema";
import { type StoredFile, uploadRow } from "@/db/uploads";
import { AppError } from "@/lib/errors";
import { type FileLimitBreach, type FileLimits, fileLimitBreach } from "@/lib/forms/file-limits";
import { hitRateLimits } from "@/lib/rate-limit/mutations";
import { PENDING_FIELD, PENDING_HOURS, type PendingAttachment } from "./constants";

/**
 * Files sent with a form that comes back (a preview, a refused post or message) are not lost: they
 * are checked as on sending and kept as the member's pending uploads; the form lists them ticked
 * (lib/uploads/constants.ts), and sending attaches them. Unused ones go after PENDING_HOURS.
 */
export type PendingPurpose = Extract<UploadPurpose, `${string}_pending`>;

/** How one area (forum, messages) checks and keeps its files; error values are its message keys. */
export type PendingKind = {
  purpose: PendingPurpose;
  /** The purpose a file gets once attached. */
  attached: UploadPurpose;
  limits: FileLimits;
  limitErrors: Record<FileLimitBreach, string>;
  /** Files kept per member and hour (each sending with files counts once). */
  rate: { key: string; limit: number; error: string };
  check: (files: File[]) => Promise<(StoredFile & { filename: string })[]>;
  /** The name to offer a kept file under, from the name the form sent back. */
  name: (filename: string, contentType: string) => string;
  /** The chosen files of a type the area does not take, judged by content as `check` does. */
  otherTypes: (files: File[]) => Promise<File[]>;
  /** The name a refused file is given back under (as chosen, made safe to show). */
  refusedName: (file: File) => string;
  /** The message key naming refused files (values `names`, `count`). */
  notAccepted: string;
};

/** What a form keeps: its pending files, an error for the attachments field, the refused files' names. */
export type Gathered = { pending: PendingAttachment[]; error?: string; refused?: string[] };

export type ClaimedAttachment = { id: string; filename: string; contentType: string; byteSize: number };

/** A file listed that is not (or no longer) the member's own pending upload. */
const GONE = "attachmentGone";

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

const ownedPending = (kind: PendingKind, ownerId: string, ids: string[]) =>
  and(inArray(uploads.id, ids), eq(uploads.ownerId, ownerId), eq(uploads.purpose, kind.purpose));

/**
 * The pending files of this form and the newly chosen ones, kept for `ownerId`. A chosen file of
 * another type does not cost the others: it is left out and named in `refused`, the rest are kept.
 * Files listed that are not the member's own pending uploads are dropped; over a limit, none of the
 * chosen ones is kept. Either comes back as `error` (a message key for the attachments field).
 */
export async function gatherPending(
  kind: PendingKind,
  ownerId: string,
  formData: FormData,
): Promise<Gathered> {
  const chosen = formData.getAll("attachments").filter((f): f is File => f instanceof File && f.size > 0);
  const refused = await kind.otherTypes(chosen);
  const kept = await keepPending(
    kind,
    ownerId,
    pendingFromForm(formData),
    chosen.filter((file) => !refused.includes(file)),
  );
  if (refused.length === 0) return kept;
  return { ...kept, error: kept.error ?? kind.notAccepted, refused: refused.map(kind.refusedName) };
}

async function keepPending(
  kind: PendingKind,
  ownerId: string,
  listed: PendingAttachment[],
  files: File[],
): Promise<Gathered> {
  const owned = await ownPending(kind, ownerId, listed);
  const pending = owned.map(({ id, filename }) => ({ id, filename }));
  const error = pending.length < listed.length ? GONE : undefined;
  if (files.length === 0) return { pending, error };
  const breach = fileLimitBreach([...owned.map((p) => ({ size: p.byteSize })), ...files], kind.limits);
  if (breach) return { pending, error: kind.limitErrors[breach] };
  try {
    const limit = await hitRateLimits([
      { key: `${kind.rate.key}:hour:${ownerId}`, limit: kind.rate.limit, windowSeconds: 3600 },
    ]);
    if (!limit.allowed) throw refuse(kind.rate.error);
    const checked = await kind.check(files);
    const db = await getDb();
    const stored = await db
      .insert(uploads)
      .values(checked.map((file) => uploadRow(ownerId, kind.purpose, file)))
      .returning({ id: uploads.id });
    return {
      pending: [...pending, ...stored.map((s, i) => ({ id: s.id, filename: checked[i]!.filename }))],
      error,
    };
  } catch (e) {
    if (e instanceof AppError && e.field === "attachments") return { pending, error: e.message };
    throw e;
  }
}

/** Of these, the ones that are `ownerId`'s own pending uploads (in the order given), named safely. */
async function ownPending(kind: PendingKind, ownerId: string, listed: PendingAttachment[]) {
  if (listed.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({ id: uploads.id, contentType: uploads.contentType, byteSize: uploads.byteSize })
    .from(uploads)
    .where(
      ownedPending(
        kind,
        ownerId,
        listed.map((p) => p.id),
      ),
    );
  const found = new Map(rows.map((r) => [r.id, r]));
  return listed.flatMap((p) => {
    const row = found.get(p.id);
    return row ? [{ ...row, filename: kind.name(p.filename, row.contentType) }] : [];
  });
}

/**
 * Marks the owner's pending uploads as attached, inside the transaction that saves what they go with;
 * returns them (in the order given) for the area's own attachment rows. An id that is not (or no
 * longer) the owner's pending upload refuses the whole sending.
 */
export async function claimPending(
  tx: Executor,
  kind: PendingKind,
  ownerId: string,
  pending: PendingAttachment[],
): Promise<ClaimedAttachment[]> {
  if (pending.length === 0) return [];
  const claimed = await tx
    .update(uploads)
    .set({ purpose: kind.attached })
    .where(
      ownedPending(
        kind,
        ownerId,
        pending.map((p) => p.id),
      ),
    )
    .returning({ id: uploads.id, contentType: uploads.contentType, byteSize: uploads.byteSize });
  if (claimed.length !== pending.length) throw refuse(GONE);
  const rows = new Map(claimed.map((c) => [c.id, c]));
  return pending.map((p) => {
    const row = rows.get(p.id)!;
    return { ...row, filename: kind.name(p.filename, row.contentType) };
  });
}

/** Deletes pending uploads of this purpose nobody sent within PENDING_HOURS; returns how many went. */
export async function deleteStalePending(purpose: PendingPurpose): Promise<number> {
  const db = await getDb();
  const gone = await db
    .delete(uploads)
    .where(
      and(
        eq(uploads.purpose, purpose),
        lt(uploads.createdAt, sql`now() - ${PENDING_HOURS} * interval '1 hour'`),
      ),
    )
    .returning({ id: uploads.id });
  return gone.length;
}
