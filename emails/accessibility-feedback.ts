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
      ...(input.pageUrl ? [t("mail.feedback.page", { page: input.pageUrl })] : []),
      input.message,
    ],
    footer: t("mail.footer", { network }),
  });
  await deliverMail({ to: input.to, subject: t("mail.feedback.subject"), html, text });
}
