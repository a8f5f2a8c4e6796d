import "server-only";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { deliverMail } from "@/lib/mail/transport";
import { getNetworkName } from "@/lib/settings/data";
import { isolated, renderMail } from "./layout";
import { officeContact } from "./office-contact";

/** Tells an applicant the coordinators' decision, in the language they applied in. */
export async function sendApplicationDecisionEmail(input: {
  to: string;
  locale: Locale;
  name: string | null;
  decision: "approved" | "rejected";
  reason: string | null;
}): Promise<void> {
  const t = translatorFor(input.locale);
  const key = `mail.${input.decision}` as const;
  const network = await getNetworkName(input.locale);
  const paragraphs = [
    input.name ? t("mail.greeting", { name: isolated(input.name) }) : t("mail.greetingAnonymous"),
    t(`${key}.body`),
  ];
  if (input.reason) paragraphs.push(t("mail.reasonLabel", { reason: isolated(input.reason) }));
  const contact = await officeContact(input.locale);
  if (input.decision === "rejected") paragraphs.push(contact.paragraph);
  const { html, text } = renderMail({
    locale: input.locale,
    heading: t(`${key}.heading`),
    paragraphs,
    action:
      input.decision === "approved"
        ? { label: t("mail.approved.action"), url: new URL("/login", env.APP_URL).toString() }
        : undefined,
    footer: t("mail.footer", { network }),
  });
  await deliverMail({
    to: input.to,
    replyTo: contact.replyTo,
    subject: t(`${key}.subject`, { network }),
    html,
    text,
  });
}
