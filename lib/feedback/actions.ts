"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/forms/action";
import { resolveLocale } from "@/lib/i18n/request";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { hitRateLimits } from "@/lib/rate-limit/mutations";
import { submitAccessibilityFeedback } from "./mutations";
import { AccessibilityFeedback } from "./schema";

export const accessibilityFeedbackAction = formAction(AccessibilityFeedback, async (data) => {
  const ip = clientIp(await headers());
  const limit = await hitRateLimits([{ key: `feedback:ip:${ip}`, limit: 10, windowSeconds: 3600 }]);
  if (!limit.allowed) redirect(`/too-many-requests?retry=${limit.retryAfterSeconds}`);
  await submitAccessibilityFeedback(data, await resolveLocale());
  return { status: "success", message: "feedbackSent" };
});
