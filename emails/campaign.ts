import "server-only";
import type { CampaignVersion } from "@/db/schema/campaigns";
import type { LegalBasis } from "@/db/schema/enums";
import { compileMergeTemplate, markdownToText } from "@/lib/campaigns/content";
import { createUnsubscribeToken, unsubscribePageUrl, unsubscribeUrl } from "@/lib/campaigns/tokens";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import type { OutgoingMail } from "@/lib/mail/transport";
import { renderMarkdown } from "@/lib/markdown/render";
import { escapeHtml } from "@/lib/ui/html";
import { renderMail } from "./layout";

/** Why someone receives campaigns, as their footer says: member, signed up on the form, or imported on a legal basis. */
export type RecipientReason = "member" | "subscribed" | LegalBasis;
export type CampaignRecipient = { email: string; name: string | null; reason: RecipientReason };

const FOOTERS = {
  member: "campaigns.mail.whyMember",
  subscribed: "campaigns.mail.whyContact",
  consent: "campaigns.mail.whyConsent",
  contract: "campaigns.mail.whyContract",
  legitimate_interest: "campaigns.mail.whyLegitimateInterest",
} as const satisfies Record<RecipientReason, string>;

/** The Message-ID of one outbox row: the same on every attempt, so a receiver can drop a repeat. */
export const campaignMessageId = (deliveryId: string): string =>
  `<${deliveryId}.campaign@${new URL(env.APP_URL).hostname}>`;

/**
 * The Markdown body as HTML and as plain text, each with its merge fields still to fill. A single line
 * break stays one (an address typed line by line), as in the text part and in forum posts.
 */
export function compileCampaignBody(body: string) {
  return {
    html: compileMergeTemplate(body, (text) => renderMarkdown(text), escapeHtml),
    text: compileMergeTemplate(body, markdownToText),
  };
}

const MARKER = "\u0000KPFOOTER\u0000";

/**
 * Prepares one language version of a campaign once; the function it returns makes one recipient's
 * mail: RTL for Arabic, an unsubscribe link in the footer and the RFC 8058 one-click headers. No
 * tracking pixel, no rewritten links.
 */
export function campaignMailer(input: {
  campaignId: string;
  locale: Locale;
  version: CampaignVersion;
  subjectPrefix?: string;
  /** A test mail: its unsubscribe links unsubscribe nobody (see lib/campaigns/tokens.ts). */
  test?: boolean;
}): (recipient: CampaignRecipient, deliveryId?: string) => OutgoingMail {
  const t = translatorFor(input.locale);
  const subject = compileMergeTemplate(input.version.subject, (s) => s);
  const body = compileCampaignBody(input.version.body);
  // The frame is rendered once per footer with markers where each recipient's parts go.
  const frames = new Map<RecipientReason, ReturnType<typeof renderMail>>();
  const frame = (reason: RecipientReason) =>
    renderMail({
      locale: input.locale,
      heading: `${MARKER}subject${MARKER}`,
      paragraphs: [],
      rich: { html: `${MARKER}html${MARKER}`, text: `${MARKER}text${MARKER}` },
      footer: t(FOOTERS[reason]),
      footerLink: { label: t("campaigns.mail.unsubscribe"), url: `${MARKER}link${MARKER}` },
    });
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(new RegExp(`${MARKER}(\\w+)${MARKER}`, "g"), (_m, key: string) => values[key] ?? "");

  return (recipient, deliveryId) => {
    const token = createUnsubscribeToken({
      email: recipient.email,
      campaignId: input.campaignId,
      test: input.test,
    });
    const fullSubject = `${input.subjectPrefix ?? ""}${subject(recipient.name)}`;
    let framed = frames.get(recipient.reason);
    if (!framed) {
      framed = frame(recipient.reason);
      frames.set(recipient.reason, framed);
    }
    const { html, text } = framed;
    const link = unsubscribePageUrl(token);
    return {
      to: recipient.email,
      subject: fullSubject,
      html: fill(html, {
        subject: escapeHtml(fullSubject),
        html: body.html(recipient.name),
        link: escapeHtml(link),
      }),
      text: fill(text, { subject: fullSubject, text: body.text(recipient.name), link }),
      headers: {
        "List-Unsubscribe": `<${unsubscribeUrl(token)}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        ...(deliveryId ? { "Message-ID": campaignMessageId(deliveryId) } : {}),
      },
    };
  };
}
