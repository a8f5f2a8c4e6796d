import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { deliverMail } from "@/lib/mail/transport";
import { getNetworkName } from "@/lib/settings/data";
import { renderMail } from "./layout";

/**
 * To the NEW address: the link that makes it the sign-in address; nothing changes until it is opened.
 * `byCoordinator`: the coordination office entered the address for the member (it says so).
 */
export async function sendEmailChangeConfirmation(input: {
  to: string;
  locale: Locale;
  name: string | null;
  url: string;
  byCoordinator?: boolean;
}): Promise<void> {
  const t = translatorFor(input.locale);
  const network = await getNetworkName(input.locale);
  const { html, text } = renderMail({
    locale: input.locale,
    heading: t("account.mail.heading"),
    paragraphs: [
      input.name ? t("mail.greeting", { name: input.name }) : t("mail.greetingAnonymous"),
      t(input.byCoordinator ? "account.mail.bodyByCoordinator" : "account.mail.body", { network }),
      t("account.mail.validity"),
    ],
    action: { label: t("account.mail.action"), url: input.url },
    footer: t("account.mail.footer", { network }),
  });
  await deliverMail({ to: input.to, subject: t("account.mail.subject"), html, text });
}

/** To the OLD address, once the change is done: so a change nobody asked for does not go unnoticed. */
export async function sendEmailChangedNotice(input: {
  to: string;
  locale: Locale;
  name: string | null;
  newEmail: string;
}): Promise<void> {
  const t = translatorFor(input.locale);
  const network = await getNetworkName(input.locale);
  const { html, text } = renderMail({
    locale: input.locale,
    heading: t("account.mail.noticeHeading"),
    paragraphs: [
      input.name ? t("mail.greeting", { name: input.name }) : t("mail.greetingAnonymous"),
      t("account.mail.noticeBody", { network, email: input.newEmail }),
      t("account.mail.noticeNotYou"),
    ],
    footer: t("mail.footer", { network }),
  });
  await deliverMail({ to: input.to, subject: t("account.mail.noticeSubject"), html, text });
}
