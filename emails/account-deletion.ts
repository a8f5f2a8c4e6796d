import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { deliverMail } from "@/lib/mail/transport";
import { renderMail } from "./layout";

/** The link that confirms "delete my account"; nothing happens unless it is opened and confirmed. */
export async function sendAccountDeletionEmail(input: {
  to: string;
  locale: Locale;
  name: string | null;
  url: string;
}): Promise<void> {
  const t = translatorFor(input.locale);
  const { html, text } = renderMail({
    locale: input.locale,
    heading: t("privacy.mail.heading"),
    paragraphs: [
      input.name ? t("mail.greeting", { name: input.name }) : t("mail.greetingAnonymous"),
      t("privacy.mail.body"),
      t("privacy.mail.validity"),
    ],
    action: { label: t("privacy.mail.action"), url: input.url },
    footer: t("privacy.mail.footer"),
  });
  await deliverMail({ to: input.to, subject: t("privacy.mail.subject"), html, text });
}
