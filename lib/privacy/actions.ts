"use server";

import { redirect } from "next/navigation";
import { sendAccountDeletionEmail } from "@/emails/account-deletion";
import { getViewer, redirectToLogin, requireUser } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { findDeletionTarget, isLastAdmin } from "./data";
import { acceptPrivacyPolicy, deleteOwnAccount } from "./mutations";
import { createDeletionToken } from "./tokens";
import { safeNextPath } from "./utils";

/**
 * Step one: mail a confirmation link to the person's own address; nothing is deleted yet. Applicants
 * use it too, to withdraw their application. The network's last admin is refused (the page says why).
 */
export async function requestDeletionAction(): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) return redirectToLogin();
  const page = viewer.status === "approved" ? "/settings/privacy" : "/application";
  if (await isLastAdmin({ userId: viewer.id })) redirect(`${page}#delete-heading`);
  const token = createDeletionToken({ userId: viewer.id, email: viewer.email });
  const url = new URL(`/settings/privacy/delete?token=${encodeURIComponent(token)}`, env.APP_URL).toString();
  await sendAccountDeletionEmail({
    to: viewer.email,
    locale: viewer.locale,
    name: viewer.name,
    url,
    applicant: viewer.status !== "approved",
  });
  redirect(`${page}?sent=1#delete-heading`);
}

/** Step two, from the mail's link: the token alone identifies the account (it may be another device). */
export async function confirmDeletionAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "").slice(0, 200);
  const target = await findDeletionTarget({ token });
  if (!target) redirect("/settings/privacy/delete?invalid=1");
  try {
    await deleteOwnAccount({ userId: target.userId });
  } catch (error) {
    if (!(error instanceof AppError && error.message === "lastAdmin")) throw error;
    // The last admin (the page behind the link says what to do first) keeps the account.
    redirect(`/settings/privacy/delete?token=${encodeURIComponent(token)}`);
  }
  redirect(target.applicant ? "/settings/privacy/deleted?withdrawn=1" : "/settings/privacy/deleted");
}

export async function acceptPolicyAction(formData: FormData): Promise<void> {
  const viewer = await requireUser({ skipConsent: true });
  const next = safeNextPath(String(formData.get("next") ?? ""));
  if (formData.get("accept") !== "on")
    redirect(`/settings/privacy/accept?error=1&next=${encodeURIComponent(next)}`);
  await acceptPrivacyPolicy({ userId: viewer.id });
  redirect(next);
}
