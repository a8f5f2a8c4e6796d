import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { deliverMail } from "@/lib/mail/transport";
import { getNetworkName } from "@/lib/settings/data";
import { renderMail } from "./layout";

/** Forwards feedback on the accessibility statement to a coordinator. */
export async function sendAccessibilityFeedbackEmail(input: {
  to: string;
  locale: Locale;
  message: string;
  senderName: string | null;
  senderEmail: string | null;
  pageUrl: string | null;
  /** The language the person wrote in (the site's language when they sent it). */
  senderLocale: Locale;
}): Promise<void> {
  const t = translatorFor(input.locale);
  const network = await getNetworkName(input.locale);
  const { html, text } = renderMail({
    locale: input.locale,
    heading: t("mail.feedback.heading"),
    paragraphs: [
      t("mail.feedback.body"),
      t("mail.feedback.from", {
        name: input.senderName || t("mail.feedback.anonymous"),
        email: input.senderEmail || "–",
      }),
      t("mail.feedback.language", { language: t(`languages.${input.senderLocale}`) }),
      ...(input.pageUrl ? [t("mail.feedback.page", { page: input.pageUrl })] : []),
      input.message,
      ...(input.senderEmail ? [t("mail.feedback.replyHint")] : []),
    ],
    footer: t("mail.footer", { network }),
  });
  // "Reply" reaches the person who wrote, not the no-reply sender.
  await deliverMail({
    to: input.to,
    replyTo: input.senderEmail ?? undefined,
    subject: t("mail.feedback.subject"),
    html,
    text,
  });
}
