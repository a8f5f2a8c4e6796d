import "server-only";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { deliverMail } from "@/lib/mail/transport";
import { getNetworkName } from "@/lib/settings/data";
import { isolated, renderMail } from "./layout";
import { officeContact } from "./office-contact";

/**
 * Tells someone who worked at a proposed organisation, in their language, that the coordinators found it
 * listed already: it now appears under the existing organisation's name, linked.
 */
export async function sendOrganisationMergedEmail(input: {
  to: string;
  locale: Locale;
  name: string | null;
  proposed: string;
  organisation: { name: string; slug: string };
}): Promise<void> {
  const t = translatorFor(input.locale);
  const network = await getNetworkName(input.locale);
  const organisation = isolated(input.organisation.name);
  const contact = await officeContact(input.locale);
  const { html, text } = renderMail({
    locale: input.locale,
    heading: t("organisations.admin.mergedMail.heading"),
    paragraphs: [
      input.name ? t("mail.greeting", { name: isolated(input.name) }) : t("mail.greetingAnonymous"),
      t("organisations.admin.mergedMail.body", { proposed: isolated(input.proposed), organisation, network }),
      contact.paragraph,
    ],
    action: {
      label: t("organisations.admin.mergedMail.action"),
      url: new URL(`/organisations/${encodeURIComponent(input.organisation.slug)}`, env.APP_URL).toString(),
    },
    footer: t("mail.footer", { network }),
  });
  await deliverMail({
    to: input.to,
    replyTo: contact.replyTo,
    subject: t("organisations.admin.mergedMail.subject", { organisation }),
    html,
    text,
  });
}
