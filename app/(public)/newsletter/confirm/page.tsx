import type { Metadata } from "next";
import { confirmSubscriptionAction } from "@/lib/campaigns/actions";
import { findConfirmation } from "@/lib/campaigns/subscriptions";
import { getTranslations } from "@/lib/i18n/server";
import { primaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("newsletter"))("confirmTitle"), robots: { index: false } };
}

/**
 * The confirmation link leads here, and a button confirms: a mail scanner that opens links does not
 * subscribe anyone.
 */
export default async function ConfirmPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; done?: string }>;
}) {
  const t = await getTranslations("newsletter");
  const { token, done } = await searchParams;
  const contact = done ? null : await findConfirmation(token);
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("confirmTitle")}</h1>
      {done ? (
        <FormAlert kind="success">{t("confirmed")}</FormAlert>
      ) : contact?.confirmed ? (
        <FormAlert kind="success">{t("alreadyConfirmed", { email: contact.email })}</FormAlert>
      ) : contact ? (
        <form action={confirmSubscriptionAction}>
          <p className="mb-4">{t("confirmIntro", { email: contact.email })}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className={primaryButton}>
            {t("confirmButton")}
          </button>
        </form>
      ) : (
        <FormAlert kind="error">{t("invalidLink")}</FormAlert>
      )}
    </>
  );
}
