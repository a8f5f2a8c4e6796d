import "server-only";
import { env } from "@/lib/env";
import { directionOf, type Locale, TIME_ZONE } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { deliverMail } from "@/lib/mail/transport";
import type { NotificationKind } from "@/lib/notifications/kinds";
import type { MailExcerpt } from "@/lib/notifications/sources";
import { type KindTranslator, notificationText } from "@/lib/notifications/text";
import { createTurnOffToken, oneClickUrl, type TurnOffScope, turnOffUrl } from "@/lib/notifications/tokens";
import { getNetworkName } from "@/lib/settings/data";
import { escapeHtml } from "@/lib/ui/html";

export type MailItem = {
  kind: NotificationKind;
  url: string;
  params: Record<string, string>;
  count: number;
  actorName: string | null;
  createdAt: Date;
};

type Link = { label: string; url: string };

const absolute = (path: string) => new URL(path, env.APP_URL).toString();

function translators(locale: Locale) {
  const t = translatorFor(locale);
  const n = ((key: string, values?: Record<string, string | number>) =>
    (t as unknown as KindTranslator)(`notifications.${key}`, values)) as KindTranslator;
  return n;
}

type Block =
  | { type: "paragraph"; text: string; links?: string[] }
  | { type: "quote"; author: string | null; text: string }
  | { type: "item"; text: string; link: Link; meta?: string }
  | { type: "button"; link: Link };

/** The text escaped, with each of these addresses in it as a link. */
function linked(text: string, links: string[] = []): string {
  const urls = [...new Set(links)].filter(Boolean).toSorted((a, b) => b.length - a.length);
  if (urls.length === 0) return escapeHtml(text);
  const pattern = new RegExp(`(${urls.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`);
  return text
    .split(pattern)
    .map((part, i) =>
      i % 2 === 1
        ? `<a href="${escapeHtml(part)}" style="color:#0b5394">${escapeHtml(part)}</a>`
        : escapeHtml(part),
    )
    .join("");
}

/** The notification mails' layout: the shared look of emails/layout.ts, with several links. RTL-aware. */
function render(input: {
  locale: Locale;
  heading: string;
  blocks: Block[];
  footer: string;
  footerLinks: Link[];
}) {
  const dir = directionOf(input.locale);
  const align = dir === "rtl" ? "right" : "left";
  const border = dir === "rtl" ? "border-right" : "border-left";
  const pad = dir === "rtl" ? "padding-right" : "padding-left";
  const html: string[] = [];
  const text: string[] = [input.heading, ""];
  for (const block of input.blocks) {
    if (block.type === "paragraph") {
      html.push(`<p style="margin:0 0 16px;white-space:pre-line">${linked(block.text, block.links)}</p>`);
      text.push(block.text, "");
    } else if (block.type === "quote") {
      const author = block.author
        ? `<p style="margin:0 0 4px;font-weight:bold">${escapeHtml(block.author)}</p>`
        : "";
      html.push(
        `<div style="margin:0 0 16px;${border}:4px solid #0b5394;${pad}:12px">${author}<p style="margin:0;white-space:pre-wrap">${escapeHtml(block.text)}</p></div>`,
      );
      text.push(...(block.author ? [block.author] : []), ...block.text.split("\n").map((l) => `> ${l}`), "");
    } else if (block.type === "item") {
      const meta = block.meta
        ? `<br><span style="font-size:13px;color:#444">${escapeHtml(block.meta)}</span>`
        : "";
      html.push(
        `<p style="margin:0 0 16px"><a href="${escapeHtml(block.link.url)}" style="color:#0b5394;font-weight:bold">${escapeHtml(block.text)}</a>${meta}</p>`,
      );
      text.push(`* ${block.text}${block.meta ? ` (${block.meta})` : ""}`, `  ${block.link.url}`, "");
    } else {
      html.push(
        `<p style="margin:24px 0"><a href="${escapeHtml(block.link.url)}" style="background:#0b5394;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block;font-weight:bold">${escapeHtml(block.link.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#444;word-break:break-all">${escapeHtml(block.link.url)}</p>`,
      );
      text.push(`${block.link.label}:`, block.link.url, "");
    }
  }
  const footerLinks = input.footerLinks
    .map((l) => `<a href="${escapeHtml(l.url)}" style="color:#0b5394">${escapeHtml(l.label)}</a>`)
    .join(" · ");
  text.push("--", input.footer, ...input.footerLinks.flatMap((l) => [`${l.label}:`, l.url]));
  const body = `<!doctype html><html lang="${input.locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(input.heading)}</title></head><body style="margin:0;padding:24px;background:#f4f4f4;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1a1a;font-size:16px;line-height:1.5"><div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px;text-align:${align}" dir="${dir}"><h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(input.heading)}</h1>${html.join("")}<hr style="border:none;border-top:1px solid #ddd;margin:24px 0"><p style="font-size:13px;color:#444;margin:0 0 8px">${escapeHtml(input.footer)}</p><p style="font-size:13px;margin:0">${footerLinks}</p></div></body></html>`;
  return { html: body, text: text.join("\n") };
}

type Recipient = { to: string; locale: Locale; userId: string; tokenVersion: number };

function turnOffLinks(recipient: Recipient, scopes: TurnOffScope[], n: KindTranslator) {
  const links = scopes.map((scope) => {
    const token = createTurnOffToken({ userId: recipient.userId, scope, version: recipient.tokenVersion });
    return {
      scope,
      token,
      link: {
        label:
          scope === "digest"
            ? n("mail.turnOffDigest")
            : n("mail.turnOff", { kind: n(`kindLabels.${scope}`) }),
        url: turnOffUrl(token, recipient.locale),
      },
    };
  });
  return links;
}

const listUnsubscribe = (token: string) => ({
  "List-Unsubscribe": `<${oneClickUrl(token)}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  "Auto-Submitted": "auto-generated",
});

/** One mail for a burst on one subject: what happened, what was written, a link, and how to turn it off. */
export async function sendNotificationMail(
  input: Recipient & {
    items: MailItem[];
    excerpts: MailExcerpt[];
  },
): Promise<void> {
  const n = translators(input.locale);
  const [first] = input.items;
  if (!first) return;
  const heading = notificationText(n, first);
  const blocks: Block[] = [];
  for (const item of input.items.slice(1)) {
    blocks.push({
      type: "item",
      text: notificationText(n, item),
      link: { label: n("mail.open"), url: absolute(item.url) },
    });
  }
  for (const excerpt of input.excerpts.slice(-10)) {
    // A source's own wording (an event's new times), not a quote of what someone wrote.
    if (excerpt.plain) {
      blocks.push({ type: "paragraph", text: excerpt.text, links: excerpt.links });
      continue;
    }
    blocks.push({
      type: "quote",
      author: excerpt.author ? n("mail.from", { name: excerpt.author }) : null,
      text: excerpt.text,
    });
  }
  if (input.excerpts.length === 0 && first.params.excerpt) {
    blocks.push({ type: "quote", author: null, text: first.params.excerpt });
  }
  blocks.push({ type: "button", link: { label: n("mail.open"), url: absolute(first.url) } });
  const kinds = [...new Set(input.items.map((i) => i.kind))];
  const offs = turnOffLinks(input, kinds, n);
  const { html, text } = render({
    locale: input.locale,
    heading,
    blocks,
    footer: n("mail.footer", { network: await getNetworkName(input.locale) }),
    footerLinks: [
      ...offs.map((o) => o.link),
      { label: n("mail.settings"), url: absolute("/settings/notifications") },
    ],
  });
  await deliverMail({
    to: input.to,
    subject: heading,
    html,
    text,
    headers: offs[0] ? listUnsubscribe(offs[0].token) : undefined,
  });
}

/** The daily digest: one line and link per notification, newest last. */
export async function sendDigestMail(input: Recipient & { items: MailItem[] }): Promise<void> {
  const n = translators(input.locale);
  const time = new Intl.DateTimeFormat(input.locale, {
    timeZone: TIME_ZONE,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  const blocks: Block[] = input.items.map((item) => ({
    type: "item",
    text: notificationText(n, item),
    link: { label: n("mail.open"), url: absolute(item.url) },
    meta: time.format(item.createdAt),
  }));
  const kinds = [...new Set(input.items.map((i) => i.kind))];
  const offs = turnOffLinks(input, ["digest", ...kinds], n);
  const { html, text } = render({
    locale: input.locale,
    heading: n("mail.digestHeading"),
    blocks,
    footer: n("mail.footer", { network: await getNetworkName(input.locale) }),
    footerLinks: [
      ...offs.map((o) => o.link),
      { label: n("mail.settings"), url: absolute("/settings/notifications") },
    ],
  });
  await deliverMail({
    to: input.to,
    subject: n("mail.digestSubject", { count: input.items.length }),
    html,
    text,
    headers: offs[0] ? listUnsubscribe(offs[0].token) : undefined,
  });
}
