"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sendSignInEmail } from "@/emails/sign-in";
import { createSignInLink } from "@/lib/auth/tokens";
import { formAction } from "@/lib/forms/action";
import { resolveLocale } from "@/lib/i18n/request";
import { getPolicyVersion } from "@/lib/legal/data";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { hitRateLimits } from "@/lib/rate-limit/mutations";
import { signUpLimits } from "@/lib/rate-limit/policies";
import { createApplication } from "./mutations";
import { SIGN_UP_MULTI_FIELDS, SignUp } from "./schema";

export const signUpAction = formAction(
  SignUp,
  async (data) => {
    const limit = await hitRateLimits(signUpLimits(clientIp(await headers()), data.email));
    if (!limit.allowed) redirect(`/too-many-requests?retry=${limit.retryAfterSeconds}`);

    const locale = await resolveLocale();
    await createApplication({ data, locale, policyVersion: await getPolicyVersion() });
    const link = await createSignInLink({ email: data.email, callbackPath: "/application", kind: "code" });
    await sendSignInEmail({
      to: data.email,
      locale,
      url: link.url,
      code: link.code,
      purpose: "confirm",
      name: data.name,
    });
    redirect(`/login/check-email?purpose=confirm&email=${encodeURIComponent(data.email)}`);
  },
  { multi: SIGN_UP_MULTI_FIELDS, uniqueViolation: { field: "email", key: "emailTaken" } },
);
