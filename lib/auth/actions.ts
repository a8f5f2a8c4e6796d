"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sendSignInEmail } from "@/emails/sign-in";
import { formAction } from "@/lib/forms/action";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { hitRateLimits } from "@/lib/rate-limit/mutations";
import { signInLimits } from "@/lib/rate-limit/policies";
import { signOut } from "./config";
import { findAccessState, mayReceiveSignInLink } from "./data";
import { DEFAULT_LANDING } from "./next-path";
import { RequestSignInLink } from "./schema";
import { createSignInLink } from "./tokens";

/** Mails a sign-in link and code; says the same whether or not the address has an account. */
export const requestSignInLinkAction = formAction(RequestSignInLink, async ({ email, next }) => {
  const limit = await hitRateLimits(signInLimits(clientIp(await headers()), email));
  if (!limit.allowed) redirect(`/too-many-requests?retry=${limit.retryAfterSeconds}`);

  const state = await findAccessState(email);
  if (mayReceiveSignInLink(state)) {
    const confirming = state.status === "pending" && !state.emailVerified;
    // Applicants see their application status, wherever they were going.
    const callbackPath = state.status === "approved" ? (next ?? DEFAULT_LANDING) : "/application";
    const link = await createSignInLink({ email, callbackPath, kind: "code" });
    await sendSignInEmail({
      to: email,
      locale: state.locale,
      url: link.url,
      code: link.code,
      purpose: confirming ? "confirm" : "signin",
    });
  }
  // The code typed there leads to the same page; requireUser sends applicants on to their status.
  redirect(`/login/check-email?${new URLSearchParams(next ? { email, next } : { email })}`);
});

/** Ends the session on the server (the row is deleted), not just the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
