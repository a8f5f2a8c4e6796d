"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sendEmailChangeConfirmation, sendEmailChangedNotice } from "@/emails/email-change";
import { getViewer, requireUser, SESSION_COOKIES, type Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import { enforceRateLimits } from "@/lib/rate-limit/mutations";
import { emailChangeLimits } from "@/lib/rate-limit/policies";
import { getPendingEmailChange } from "./data";
import { cancelEmailChange, confirmEmailChange, requestEmailChange } from "./mutations";
import { RequestEmailChange } from "./schema";
import { emailChangeLink } from "./utils";

const PAGE = "/settings/account";

/**
 * Counts the request, stores the pending change and mails its link to the new address. At a limit it
 * throws the AppError "tooManyRequests" (with the minutes to wait), like any other refusal.
 */
async function mailConfirmationLink(viewer: Viewer, newEmail: string): Promise<never> {
  await enforceRateLimits(emailChangeLimits(viewer.id, newEmail));
  const { token } = await requestEmailChange({ userId: viewer.id, newEmail });
  await sendEmailChangeConfirmation({
    to: newEmail,
    locale: viewer.locale,
    name: viewer.name,
    url: emailChangeLink(token),
  });
  redirect(`${PAGE}?sent=1#pending-heading`);
}

/** "Neue E-Mail-Adresse": a wrong, unchanged or taken address is said beside the field. */
export const requestEmailChangeAction = formAction(RequestEmailChange, async ({ email }) =>
  mailConfirmationLink(await requireUser(), email),
);

/** A new link to the address already waiting (the earlier ones keep working). */
export async function resendEmailChangeAction(): Promise<void> {
  const viewer = await requireUser();
  const pending = await getPendingEmailChange({ userId: viewer.id });
  if (!pending) redirect(PAGE);
  try {
    await mailConfirmationLink(viewer, pending.newEmail);
  } catch (error) {
    // Asked too often, or taken meanwhile: the page says so beside the pending address.
    if (error instanceof AppError && error.code === "rate_limited")
      redirect(`${PAGE}?wait=${error.values?.minutes ?? 1}#pending-heading`);
    if (error instanceof AppError) redirect(`${PAGE}?taken=1#pending-heading`);
    throw error;
  }
}

/** Only ever the viewer's own pending change: the action takes no id. */
export async function cancelEmailChangeAction(): Promise<void> {
  const viewer = await requireUser();
  await cancelEmailChange({ userId: viewer.id });
  redirect(`${PAGE}?cancelled=1`);
}

/**
 * The button on the page the mailed link opens. Signed out, the link itself proves the mailbox is
 * theirs (the request came from the signed-in account); signed in as someone else, it is refused.
 */
export async function confirmEmailChangeAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "").slice(0, 200);
  const viewer = await getViewer();
  const jar = await cookies();
  const sessionToken = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean) ?? null;
  let changed: Awaited<ReturnType<typeof confirmEmailChange>>;
  try {
    changed = await confirmEmailChange({ token, viewerId: viewer?.id ?? null, sessionToken });
  } catch (error) {
    // The page behind the link says what stands in the way.
    if (error instanceof AppError) redirect(`${PAGE}/confirm?token=${encodeURIComponent(token)}`);
    throw error;
  }
  try {
    await sendEmailChangedNotice({
      to: changed.oldEmail,
      locale: changed.locale,
      name: changed.name,
      newEmail: changed.newEmail,
    });
  } catch (error) {
    // The old mailbox may be closed already: the change stands.
    console.error("Notice of a changed sign-in address not sent:", error);
  }
  redirect(viewer ? `${PAGE}?changed=1` : `${PAGE}/confirm?done=1`);
}
