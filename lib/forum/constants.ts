/** Limits of posts and their attachments, shared by the composer (in the browser) and the server's checks. */

import { type FileLimitBreach, type FileLimits, MB } from "@/lib/forms/file-limits";

export const MAX_BODY = 20_000;
/** Members one post may name with @ (Discourse allows 10): a longer list is refused, not cut. */
export const MAX_MENTIONS = 20;
/** Images and PDFs, checked by content on the server (lib/forum/attachments.ts). */
export const ATTACHMENT_LIMITS: FileLimits = { count: 4, eachBytes: 5 * MB, totalBytes: 20 * MB };
export const ACCEPTED_ATTACHMENT_TYPES = "image/jpeg,image/png,image/webp,image/gif,application/pdf";
/** The message (in forum.errors) for each limit broken; the total is the count times the size. */
export const ATTACHMENT_LIMIT_ERRORS = {
  count: "attachmentTooMany",
  each: "attachmentTooLarge",
  total: "attachmentTooLarge",
} as const satisfies Record<FileLimitBreach, string>;
/** The message (in forum.errors) naming chosen files that are neither images nor PDFs. */
export const ATTACHMENT_NOT_ACCEPTED = "attachmentNotAccepted";
