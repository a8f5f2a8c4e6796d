import "server-only";
import type { Executor } from "@/db/client";
import { forumAttachments } from "@/db/schema";
import type { PendingAttachment } from "@/lib/uploads/constants";
import { claimPending, gatherPending, type PendingKind } from "@/lib/uploads/pending";
import { attachmentName, filesOfOtherTypes, processAttachments, refusedName } from "./attachments";
import { ATTACHMENT_LIMIT_ERRORS, ATTACHMENT_LIMITS, ATTACHMENT_NOT_ACCEPTED } from "./schema";

/** Forum files sent with a preview (or with a post the server sent back), kept as in lib/uploads/pending.ts. */
export const FORUM_PENDING: PendingKind = {
  purpose: "forum_pending",
  attached: "forum_attachment",
  limits: ATTACHMENT_LIMITS,
  limitErrors: ATTACHMENT_LIMIT_ERRORS,
  rate: { key: "forum:pending", limit: 30, error: "forumRateLimited" },
  check: processAttachments,
  name: attachmentName,
};

/**
 * The pending files of this form and the newly chosen ones, kept for `ownerId` (see gatherPending).
 * A chosen file of another type does not cost the others: it is left out and named in `refused`,
 * the rest are kept as usual.
 */
export async function gatherAttachments(
  ownerId: string,
  formData: FormData,
): Promise<{ pending: PendingAttachment[]; error?: string; refused?: string[] }> {
  const chosen = formData.getAll("attachments").filter((f): f is File => f instanceof File && f.size > 0);
  const refused = await filesOfOtherTypes(chosen);
  if (refused.length === 0) return gatherPending(FORUM_PENDING, ownerId, formData);
  const rest = new FormData();
  for (const [key, value] of formData.entries())
    if (!(key === "attachments" && refused.includes(value as File))) rest.append(key, value);
  const gathered = await gatherPending(FORUM_PENDING, ownerId, rest);
  return { ...gathered, error: gathered.error ?? ATTACHMENT_NOT_ACCEPTED, refused: refused.map(refusedName) };
}

/**
 * Attaches the author's pending uploads to their new post, inside the post's transaction. An id that
 * is not (or no longer) the author's pending upload refuses the whole post.
 */
export async function claimForumPending(
  tx: Executor,
  ownerId: string,
  postId: number,
  pending: PendingAttachment[],
) {
  const claimed = await claimPending(tx, FORUM_PENDING, ownerId, pending);
  if (claimed.length === 0) return;
  await tx
    .insert(forumAttachments)
    .values(claimed.map((c) => ({ postId, uploadId: c.id, filename: c.filename })));
}
