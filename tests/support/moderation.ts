import { createReply, createThread } from "@/lib/forum/mutations";
import { reportMessage } from "@/lib/messages/moderation";
import { startConversation } from "@/lib/messages/mutations";
import { resolveReportAction } from "@/lib/moderation/actions";
import { reportContent } from "@/lib/moderation/mutations";
import { actAs } from "./actions";
import { createSession, createUser } from "./factories";
import { createCategory } from "./forum-factories";
import { member } from "./messages-factories";

/** A member reports a forum post, as the post's "report" form does. */
export const reportPost = (reporterId: string, postId: number, reason = "Werbung") =>
  reportContent({ reporterId, subjectType: "post", subjectId: String(postId), reason });

/** Submits a decision on a report as this coordinator, as the queue's form (or a forged one) does. */
export async function decideReport(
  coordinatorId: string,
  reportId: string,
  decision: string,
  confirmed?: "yes",
) {
  const form = new FormData();
  form.set("reportId", reportId);
  form.set("decision", decision);
  if (confirmed) form.set("confirmed", confirmed);
  return actAs(await createSession(coordinatorId), () => resolveReportAction(form));
}

/** Katrin writes to Amal, Amal reports the message. */
export async function reportedMessage(body = "Gemeldete Nachricht") {
  const katrin = await member("Katrin Schreibt");
  const amal = await member("Amal Meldet");
  const coordinator = await member("Clara Koordiniert", { role: "coordinator" });
  const { conversationId, messageId } = await startConversation({
    senderId: katrin.id,
    recipientIds: [amal.id],
    body,
    files: [],
  });
  const report = await reportMessage({ reporterId: amal.id, messageId, reason: "Beleidigend" });
  return { katrin, amal, coordinator, conversationId, messageId, reportId: report.id };
}

/** A reply by its author in someone's thread, reported by another member. */
export async function reportedReply() {
  const opener = await createUser();
  const author = await createUser();
  const reporter = await createUser();
  const coordinator = await createUser({ role: "coordinator" });
  const category = await createCategory("members");
  const title = `Thema ${crypto.randomUUID().slice(0, 8)}`;
  const { thread } = await createThread({
    authorId: opener.id,
    categoryId: category.id,
    title,
    body: "Eröffnung",
  });
  const { postId } = await createReply({
    authorId: author.id,
    threadId: thread.id,
    body: "Gemeldete Antwort",
  });
  const report = await reportContent({
    reporterId: reporter.id,
    subjectType: "post",
    subjectId: String(postId),
    reason: "Spam",
  });
  return { author, reporter, coordinator, postId, title, reportId: report.id };
}
