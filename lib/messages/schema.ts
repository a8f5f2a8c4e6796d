import { z } from "zod";
import { MAX_BODY, MAX_REASON, MAX_RECIPIENTS, MAX_TITLE } from "./constants";

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
