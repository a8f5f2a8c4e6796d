import "server-only";
import type { CampaignVersion } from "@/db/schema/campaigns";
import { compileMergeTemplate, markdownToText } from "@/lib/campaigns/content";
import { createUnsubscribeToken, unsubscribePageUrl, unsubscribeUrl } from "@/lib/campaigns/tokens";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import type { OutgoingMail } from "@/lib/mail/transport";
import { renderMarkdown } from "@/lib/markdown/render";
import { escapeHtml } from "@/lib/ui/html";
import { renderMail } from "./layout";

export type CampaignRecipient = { email: string; name: string | null; member: boolean };

/** The Message-ID of one outbox row: the same on every attempt, so a receiver can drop a repeat. */
export const campaignMessageId = (deliveryId: string): string =>
  `<${deliveryId}.campaign@${new URL(env.APP_URL).hostname}>`;

/** The Markdown body as HTML and as plain text, each with its merge fields still to fill. */
export function compileCampaignBody(body: string) {
  return {
    html: compileMergeTemplate(body, renderMarkdown, escapeHtml),
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
}): (recipient: CampaignRecipient, deliveryId?: string) => OutgoingMail {
  const t = translatorFor(input.locale);
  const subject = compileMergeTemplate(input.version.subject, (s) => s);
  const body = compileCampaignBody(input.version.body);
  // The frame is rendered once per footer kind with markers where each recipient's parts go.
  const frame = (member: boolean) =>
    renderMail({
      locale: input.locale,
      heading: `${MARKER}subject${MARKER}`,
      paragraphs: [],
      rich: { html: `${MARKER}html${MARKER}`, text: `${MARKER}text${MARKER}` },
      footer: t(member ? "campaigns.mail.whyMember" : "campaigns.mail.whyContact"),
      footerLink: { label: t("campaigns.mail.unsubscribe"), url: `${MARKER}link${MARKER}` },
    });
  const frames = { member: frame(true), contact: frame(false) };
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(new RegExp(`${MARKER}(\\w+)${MARKER}`, "g"), (_m, key: string) => values[key] ?? "");

  return (recipient, deliveryId) => {
    const token = createUnsubscribeToken({ email: recipient.email, campaignId: input.campaignId });
    const fullSubject = `${input.subjectPrefix ?? ""}${subject(recipient.name)}`;
    const { html, text } = frames[recipient.member ? "member" : "contact"];
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
