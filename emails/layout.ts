import { directionOf, type Locale } from "@/lib/i18n/config";
import { escapeHtml } from "@/lib/ui/html";

/** Text a person wrote (a name, a reason) keeps its own direction inside the mail's. */
export { isolated } from "@/lib/i18n/intl";

export type MailBody = {
  locale: Locale;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Shown large and spaced, e.g. a sign-in code. */
  code?: { label: string; value: string };
  /** Already sanitised HTML (e.g. rendered Markdown) with its plain-text twin, after the paragraphs. */
  rich?: { html: string; text: string };
  footer: string;
  /** A link at the end of the footer, e.g. "Unsubscribe". */
  footerLink?: { label: string; url: string };
};

/** One simple, accessible layout for every mail; RTL-aware; the plain-text part says the same. */
export function renderMail(body: MailBody): { html: string; text: string } {
  const dir = directionOf(body.locale);
  const align = dir === "rtl" ? "right" : "left";
  const paragraphs = body.paragraphs
    .map((p) => `<p style="margin:0 0 16px;white-space:pre-line">${escapeHtml(p)}</p>`)
    .join("");
  const action = body.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(body.action.url)}" style="background:#0b5394;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block;font-weight:bold">${escapeHtml(body.action.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#444;word-break:break-all">${escapeHtml(body.action.url)}</p>`
    : "";
  const code = body.code
    ? `<p style="margin:0 0 4px">${escapeHtml(body.code.label)}</p><p style="margin:0 0 16px;font-size:28px;letter-spacing:4px;font-family:monospace" dir="ltr">${escapeHtml(body.code.value)}</p>`
    : "";
  const rich = body.rich ? `<div style="margin:0 0 16px">${body.rich.html}</div>` : "";
  const footerLink = body.footerLink
    ? ` <a href="${escapeHtml(body.footerLink.url)}" style="color:#0b5394">${escapeHtml(body.footerLink.label)}</a>`
    : "";
  const html = `<!doctype html><html lang="${body.locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(body.heading)}</title></head><body style="margin:0;padding:24px;background:#f4f4f4;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1a1a;font-size:16px;line-height:1.5"><div style="max-width:560px;margin:0 auto;background:#ffffff;padding:24px;border-radius:8px;text-align:${align}" dir="${dir}"><h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(body.heading)}</h1>${paragraphs}${rich}${action}${code}<hr style="border:none;border-top:1px solid #ddd;margin:24px 0"><p style="font-size:13px;color:#444;margin:0">${escapeHtml(body.footer)}${footerLink}</p></div></body></html>`;
  const text = [
    body.heading,
    "",
    ...body.paragraphs.flatMap((p) => [p, ""]),
    ...(body.rich ? [body.rich.text, ""] : []),
    ...(body.action ? [`${body.action.label}:`, body.action.url, ""] : []),
    ...(body.code ? [`${body.code.label}: ${body.code.value}`, ""] : []),
    "--",
    body.footer,
    ...(body.footerLink ? [`${body.footerLink.label}: ${body.footerLink.url}`] : []),
  ].join("\n");
  return { html, text };
}
