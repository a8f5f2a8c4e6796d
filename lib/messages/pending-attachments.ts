import "server-only";
import type { Executor } from "@/db/client";
import { messageAttachments } from "@/db/schema";
import type { PendingAttachment } from "@/lib/uploads/constants";
import { claimPending, gatherPending, type PendingKind } from "@/lib/uploads/pending";
import { checkAttachments, filesOfOtherTypes, refusedName, safeFileName } from "./attachments";
import { ATTACHMENT_LIMIT_ERRORS, ATTACHMENT_LIMITS, ATTACHMENT_NOT_ACCEPTED } from "./constants";

/** Files sent with a message the server sent back, kept as in lib/uploads/pending.ts. */
export const MESSAGE_PENDING: PendingKind = {
  purpose: "message_pending",
  attached: "message_attachment",
  limits: ATTACHMENT_LIMITS,
  limitErrors: ATTACHMENT_LIMIT_ERRORS,
  // Every message with files passes here: as many as the messaging limit lets through in an hour's chat.
  rate: { key: "messages:pending", limit: 60, error: "rateLimited" },
  check: async (files) => (await checkAttachments(files)).map((f) => ({ ...f, filename: f.fileName })),
  name: (filename) => safeFileName(filename),
  otherTypes: filesOfOtherTypes,
  refusedName,
  notAccepted: ATTACHMENT_NOT_ACCEPTED,
};

/** The pending files of this form and the newly chosen ones, kept for `ownerId` (see gatherPending). */
export const gatherMessageFiles = (ownerId: string, formData: FormData) =>
  gatherPending(MESSAGE_PENDING, ownerId, formData);

/** Attaches the sender's pending uploads to their new message, inside the message's transaction. */
export async function claimMessagePending(
  tx: Executor,
  senderId: string,
  messageId: string,
  pending: PendingAttachment[],
) {
  const claimed = await claimPending(tx, MESSAGE_PENDING, senderId, pending);
  if (claimed.length === 0) return;
  await tx.insert(messageAttachments).values(
    claimed.map((c) => ({
      messageId,
      uploadId: c.id,
      fileName: c.filename,
      contentType: c.contentType,
      byteSize: c.byteSize,
    })),
  );
}
