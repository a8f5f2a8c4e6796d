import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { deliverMail } from "@/lib/mail/transport";
import { getNetworkName } from "@/lib/settings/data";
import { renderMail } from "./layout";
import { officeContact } from "./office-contact";

/** What a sign-up with an address that is already known means for its owner. */
export type ExistingAddress =
  | { status: "approved" | "pending"; url: string }
  | { status: "rejected"; url?: undefined };

/**
 * Sent instead of a confirmation when someone signs up with a known address: the page says the same
 * as for a new address, and only the address's owner learns that it is known and what they can do.
 */
export async function sendExistingAddressEmail(
  input: { to: string; locale: Locale; name: string | null } & ExistingAddress,
): Promise<void> {
  const t = translatorFor(input.locale);
  const key = `mail.existing.${input.status}` as const;
  const network = await getNetworkName(input.locale);
  const paragraphs = [
    input.name ? t("mail.greeting", { name: input.name }) : t("mail.greetingAnonymous"),
    t(`${key}.body`, { network }),
  ];
  let replyTo: string | undefined;
  if (input.status === "rejected") {
    const contact = await officeContact(input.locale);
    paragraphs.push(contact.paragraph);
    replyTo = contact.replyTo;
  } else paragraphs.push(t("mail.signin.validity"));
  const { html, text } = renderMail({
    locale: input.locale,
    heading: t(`${key}.heading`),
    paragraphs,
    action:
      input.status === "rejected"
        ? undefined
        : { label: t(`mail.existing.${input.status}.action`), url: input.url },
    footer: t("mail.ignoreFooter", { network }),
  });
  await deliverMail({ to: input.to, replyTo, subject: t(`${key}.subject`, { network }), html, text });
}
