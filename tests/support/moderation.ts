import { resolveReportAction } from "@/lib/moderation/actions";
import { actAs } from "./actions";
import { createSession } from "./factories";

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
