import "server-only";
import { AppError } from "@/lib/errors";
import { reportContent } from "@/lib/moderation/mutations";
import { findVisibleMessage } from "./data";

/**
 * A participant reports a message to the moderation queue. Coordinators then see that one message
 * (never the conversation around it): that is all they may read of private messages.
 */
export async function reportMessage(input: { reporterId: string; messageId: string; reason: string }) {
  const message = await findVisibleMessage({ userId: input.reporterId, messageId: input.messageId });
  if (!message) throw new AppError({ code: "not_found", message: "messageNotFound" });
  if (message.sender_id === input.reporterId)
    throw new AppError({ code: "invalid", message: "cannotReportOwn" });
  return reportContent({
    reporterId: input.reporterId,
    subjectType: "message",
    subjectId: input.messageId,
    reason: input.reason,
  });
}
