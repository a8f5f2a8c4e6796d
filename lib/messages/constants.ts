/** Limits of messages and their attachments, and page sizes: shared by the forms (in the browser) and the server. */

import { type FileLimitBreach, type FileLimits, MB } from "@/lib/forms/file-limits";

export const MESSAGES_PAGE_SIZE = 30;
export const CONVERSATIONS_PAGE_SIZE = 20;
export const MAX_BODY = 10_000;
export const MAX_RECIPIENTS = 20;
export const MAX_TITLE = 120;
export const MAX_REASON = 1000;
/** A message has no title: where one is needed (the moderation lines), its first characters name it. */
export const TITLE_FROM_TEXT = 60;
/** Attachments: checked by content, not by name (lib/messages/attachments.ts). */
export const ATTACHMENT_LIMITS: FileLimits = { count: 5, eachBytes: 4 * MB, totalBytes: 5 * MB };
/** The message (in messages.errors) for each limit broken. */
export const ATTACHMENT_LIMIT_ERRORS = {
  count: "attachmentCount",
  each: "attachmentTooLarge",
  total: "attachmentsTooLarge",
} as const satisfies Record<FileLimitBreach, string>;
/** The message (in messages.errors) naming chosen files messages do not take. */
export const ATTACHMENT_NOT_ACCEPTED = "attachmentNotAccepted";
export const ACCEPTED_ATTACHMENTS = ".jpg,.jpeg,.png,.webp,.gif,.pdf,.txt,.docx,.xlsx,.odt,.ods";
