"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sendSignInEmail } from "@/emails/sign-in";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { enforceRateLimits } from "@/lib/rate-limit/mutations";
import { callbackLimits, signInLimits } from "@/lib/rate-limit/policies";
import { signOut } from "./config";
import { findAccessState, mayReceiveSignInLink } from "./data";
import { DEFAULT_LANDING } from "./next-path";
import { EnterCode, RequestSignInLink } from "./schema";
import { callbackUrlFor, createSignInLink, isCodeValid } from "./tokens";

/** Mails a sign-in link and code; says the same whether or not the address has an account. */
export const requestSignInLinkAction = formAction(RequestSignInLink, async ({ email, next }) => {
  await enforceRateLimits(signInLimits(clientIp(await headers()), email));

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

/**
 * The code typed on this device: checked here first, so a typo is said beside the field with what
 * was typed kept; a valid code goes on to Auth.js's callback, which consumes it like a clicked link.
 */
export const enterCodeAction = formAction(EnterCode, async ({ email, code, next }) => {
  await enforceRateLimits(callbackLimits(clientIp(await headers())));
  if (!(await isCodeValid(email, code)))
    throw new AppError({ code: "invalid", message: "codeWrong", field: "code" });
  const url = callbackUrlFor(email, code, next ?? DEFAULT_LANDING);
  // The callback must be a full page load (it sets the session cookie): the browser follows the
  // redirect of a plain form post; with JavaScript, Next's router would fetch it instead, so the form
  // gets the address and goes there itself.
  if ((await headers()).has("next-action")) return { status: "success", message: url };
  redirect(url);
});

/** Ends the session on the server (the row is deleted), not just the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
