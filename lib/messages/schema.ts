import { z } from "zod";
import { type FileLimitBreach, type FileLimits, MB } from "@/lib/forms/file-limits";

export const MESSAGES_PAGE_SIZE = 30;
export const CONVERSATIONS_PAGE_SIZE = 20;
export const MAX_BODY = 10_000;
export const MAX_RECIPIENTS = 20;
export const MAX_TITLE = 120;
export const MAX_REASON = 1000;

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

const noControlChars = /^[^\p{Cc}\p{Cs}\p{Co}]*$/u;
/** No control characters except line breaks and tabs (nor surrogates or private-use characters). */
const multilineAllowed = (value: string) =>
  !/[\p{Cs}\p{Co}]/u.test(value) &&
  ![...value].some((c) => {
    const code = c.charCodeAt(0);
    return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
  });

const id = z.string().trim().min(1).max(64);

export const messageBody = z
  .string({ error: "required" })
  .max(MAX_BODY, { error: "tooLong" })
  .refine(multilineAllowed, { error: "invalidCharacters" })
  .transform((v) => v.replace(/\r\n?/g, "\n").trim());

export const SendMessageInput = z.object({
  conversationId: id,
  body: messageBody,
});

export const StartConversationInput = z.object({
  to: z
    .array(id)
    .transform((ids) => [...new Set(ids)])
    .pipe(
      z.array(id).min(1, { error: "recipientRequired" }).max(MAX_RECIPIENTS, { error: "tooManyRecipients" }),
    ),
  title: z
    .string()
    .trim()
    .max(MAX_TITLE, { error: "tooLong" })
    .regex(noControlChars, { error: "invalidCharacters" })
    .optional()
    .transform((v) => v || undefined),
  body: messageBody,
});

export const ConversationIdInput = z.object({ conversationId: id });
export const MessageIdInput = z.object({ messageId: id });
export const MemberIdInput = z.object({ memberId: id });

export const ReportMessageInput = z.object({
  messageId: id,
  reason: z
    .string({ error: "reasonRequired" })
    .trim()
    .min(1, { error: "reasonRequired" })
    .max(MAX_REASON, { error: "tooLong" })
    .refine(multilineAllowed, { error: "invalidCharacters" }),
});
