"use server";

import { redirect } from "next/navigation";
import { sendApplicationDecisionEmail } from "@/emails/application-decision";
import { requireRole } from "@/lib/auth/viewer";
import { formAction } from "@/lib/forms/action";
import { decideApplication } from "./mutations";
import { DecideApplication } from "./schema";

export const decideApplicationAction = formAction(DecideApplication, async (data, formData) => {
  const coordinator = await requireRole("coordinator");
  const applicant = await decideApplication({ ...data, deciderId: coordinator.id });
  await sendApplicationDecisionEmail({
    to: applicant.email,
    locale: applicant.locale,
    name: applicant.name,
    decision: data.decision,
    reason: data.reason ?? null,
  });
  // Without JavaScript (no "enhanced" field, which DecisionForm adds once it runs) the page comes back
  // without this card: the queue says what happened instead.
  if (formData.get("enhanced") !== "1") redirect(`/admin/signups?done=${data.decision}`);
  // No revalidatePath: it would re-render the queue without this card, and the confirmation below
  // (a status message for screen readers too) would vanish with it. The queue is fresh on the next visit.
  return { status: "success", message: data.decision === "approved" ? "approvedDone" : "rejectedDone" };
});
