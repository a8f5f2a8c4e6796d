import "server-only";
import type { Executor } from "@/db/client";
import { forumAttachments } from "@/db/schema";
import type { PendingAttachment } from "@/lib/uploads/constants";
import { claimPending, gatherPending, type PendingKind } from "@/lib/uploads/pending";
import { attachmentName, filesOfOtherTypes, processAttachments, refusedName } from "./attachments";
import { ATTACHMENT_LIMIT_ERRORS, ATTACHMENT_LIMITS, ATTACHMENT_NOT_ACCEPTED } from "./constants";

/** Forum files sent with a preview (or with a post the server sent back), kept as in lib/uploads/pending.ts. */
export const FORUM_PENDING: PendingKind = {
  purpose: "forum_pending",
  attached: "forum_attachment",
  limits: ATTACHMENT_LIMITS,
  limitErrors: ATTACHMENT_LIMIT_ERRORS,
  rate: { key: "forum:pending", limit: 30, error: "forumRateLimited" },
  check: processAttachments,
  name: attachmentName,
  otherTypes: filesOfOtherTypes,
  refusedName,
  notAccepted: ATTACHMENT_NOT_ACCEPTED,
};

/** The pending files of this form and the newly chosen ones, kept for `ownerId` (see gatherPending). */
export const gatherAttachments = (ownerId: string, formData: FormData) =>
  gatherPending(FORUM_PENDING, ownerId, formData);

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
