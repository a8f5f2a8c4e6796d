import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { deliverMail } from "@/lib/mail/transport";
import { getNetworkName } from "@/lib/settings/data";
import { renderMail } from "./layout";

export type SignInPurpose = "signin" | "confirm" | "invitation";

/** The link (and, for short-lived links, the code) that signs someone in or confirms their address. */
export async function sendSignInEmail(input: {
  to: string;
  locale: Locale;
  url: string;
  code: string | null;
  purpose: SignInPurpose;
  name?: string | null;
  inviterName?: string | null;
}): Promise<void> {
  const t = translatorFor(input.locale);
  const key = `mail.${input.purpose}` as const;
  const network = await getNetworkName(input.locale);
  const { html, text } = renderMail({
    locale: input.locale,
    heading: t(`${key}.heading`, { network }),
    paragraphs: [
      input.name ? t("mail.greeting", { name: input.name }) : t("mail.greetingAnonymous"),
      t(`${key}.body`, { inviter: input.inviterName ?? t("mail.theCoordinators"), network }),
      t(`${key}.validity`),
    ],
    action: { label: t(`${key}.action`), url: input.url },
    code: input.code ? { label: t("mail.codeLabel"), value: input.code } : undefined,
    footer: t("mail.ignoreFooter", { network }),
  });
  await deliverMail({ to: input.to, subject: t(`${key}.subject`, { network }), html, text });
}
