import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { deliverMail } from "@/lib/mail/transport";
import { getNetworkName } from "@/lib/settings/data";
import { isolated, renderMail } from "./layout";

/** Tells whoever proposed an organisation that the coordinators rejected it, in their language. */
export async function sendOrganisationRejectedEmail(input: {
  to: string;
  locale: Locale;
  name: string | null;
  organisation: string;
}): Promise<void> {
  const t = translatorFor(input.locale);
  const network = await getNetworkName(input.locale);
  const organisation = isolated(input.organisation);
  const { html, text } = renderMail({
    locale: input.locale,
    heading: t("organisations.admin.rejectedMail.heading"),
    paragraphs: [
      input.name ? t("mail.greeting", { name: isolated(input.name) }) : t("mail.greetingAnonymous"),
      t("organisations.admin.rejectedMail.body", { organisation }),
    ],
    footer: t("mail.footer", { network }),
  });
  await deliverMail({
    to: input.to,
    subject: t("organisations.admin.rejectedMail.subject", { organisation }),
    html,
    text,
  });
}
