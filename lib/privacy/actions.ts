"use server";

import { redirect } from "next/navigation";
import { sendAccountDeletionEmail } from "@/emails/account-deletion";
import { requireUser } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { findDeletionTarget } from "./data";
import { acceptPrivacyPolicy, deleteOwnAccount } from "./mutations";
import { createDeletionToken } from "./tokens";
import { safeNextPath } from "./utils";

/** Step one: mail a confirmation link to the member's own address; nothing is deleted yet. */
export async function requestDeletionAction(): Promise<void> {
  const viewer = await requireUser({ skipConsent: true });
  const token = createDeletionToken({ userId: viewer.id, email: viewer.email });
  const url = new URL(`/settings/privacy/delete?token=${encodeURIComponent(token)}`, env.APP_URL).toString();
  await sendAccountDeletionEmail({ to: viewer.email, locale: viewer.locale, name: viewer.name, url });
  redirect("/settings/privacy?sent=1#delete-heading");
}

/** Step two, from the mail's link: the token alone identifies the account (it may be another device). */
export async function confirmDeletionAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "").slice(0, 200);
  const target = await findDeletionTarget({ token });
  if (!target) redirect("/settings/privacy/delete?invalid=1");
  await deleteOwnAccount({ userId: target.userId });
  redirect("/settings/privacy/deleted");
}

export async function acceptPolicyAction(formData: FormData): Promise<void> {
  const viewer = await requireUser({ skipConsent: true });
  const next = safeNextPath(String(formData.get("next") ?? ""));
  if (formData.get("accept") !== "on")
    redirect(`/settings/privacy/accept?error=1&next=${encodeURIComponent(next)}`);
  await acceptPrivacyPolicy({ userId: viewer.id });
  redirect(next);
}
