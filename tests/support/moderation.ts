import { reportMessage } from "@/lib/messages/moderation";
import { startConversation } from "@/lib/messages/mutations";
import { resolveReportAction } from "@/lib/moderation/actions";
import { actAs } from "./actions";
import { createSession } from "./factories";
import { member } from "./messages-factories";

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
export async function reportedMessage() {
  const katrin = await member("Katrin Schreibt");
  const amal = await member("Amal Meldet");
  const coordinator = await member("Clara Koordiniert", { role: "coordinator" });
  const { messageId } = await startConversation({
    senderId: katrin.id,
    recipientIds: [amal.id],
    body: "Gemeldete Nachricht",
    files: [],
  });
  const report = await reportMessage({ reporterId: amal.id, messageId, reason: "Beleidigend" });
  return { katrin, amal, coordinator, messageId, reportId: report.id };
}
