"use server";

import { headers } from "next/headers";
import { formAction } from "@/lib/forms/action";
import { resolveLocale } from "@/lib/i18n/request";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { enforceRateLimits } from "@/lib/rate-limit/mutations";
import { feedbackLimits } from "@/lib/rate-limit/policies";
import { sentSubmissionKey } from "@/lib/submissions/utils";
import { submitAccessibilityFeedback } from "./mutations";
import { AccessibilityFeedback } from "./schema";

export const accessibilityFeedbackAction = formAction(AccessibilityFeedback, async (data, formData) => {
  // At the limit, the message (up to 5,000 characters typed) stays on the form with the minutes to wait.
  await enforceRateLimits(feedbackLimits(clientIp(await headers())));
  await submitAccessibilityFeedback(data, await resolveLocale(), sentSubmissionKey(formData));
  return { status: "success", message: "feedbackSent" };
});
