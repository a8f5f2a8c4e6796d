import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { deliverMail } from "@/lib/mail/transport";
import { renderMail } from "./layout";

/**
 * The link that confirms "delete my account" (for an applicant: "withdraw my application"); nothing
 * happens unless it is opened and confirmed.
 */
export async function sendAccountDeletionEmail(input: {
  to: string;
  locale: Locale;
  name: string | null;
  url: string;
  applicant: boolean;
}): Promise<void> {
  const t = translatorFor(input.locale);
  // The withdrawal's own texts where it has them; the link's validity and button are the same.
  const k = input.applicant ? "privacy.withdraw.mail" : "privacy.mail";
  const { html, text } = renderMail({
    locale: input.locale,
    heading: t(`${k}.heading`),
    paragraphs: [
      input.name ? t("mail.greeting", { name: input.name }) : t("mail.greetingAnonymous"),
      t(`${k}.body`),
      t("privacy.mail.validity"),
    ],
    action: { label: t("privacy.mail.action"), url: input.url },
    footer: t(`${k}.footer`),
  });
  await deliverMail({ to: input.to, subject: t(`${k}.subject`), html, text });
}
