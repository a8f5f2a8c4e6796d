/** Reads what the app sent, from the SMTP capture server's HTTP API (see smtp-capture-server.ts). */
import { smtpCapturePort } from "./ports";
import type { CapturedMail } from "./smtp-capture-server";

export type { CapturedMail };

const API = `http://127.0.0.1:${smtpCapturePort() + 1}/messages`;

/** Every mail caught for the address, oldest first. */
export async function mailsTo(to: string): Promise<CapturedMail[]> {
  const response = await fetch(`${API}?to=${encodeURIComponent(to.toLowerCase())}`);
  if (!response.ok) throw new Error(`SMTP capture answered ${response.status}`);
  return (await response.json()) as CapturedMail[];
}

/**
 * Waits for the newest mail to the address whose subject matches (a string must match exactly),
 * received at or after `since` (a Date.now() taken before the action that sends it, so an older mail
 * is never mistaken for it).
 */
export async function waitForMail(
  to: string,
  options: { subject?: RegExp | string; text?: RegExp; since?: number; timeout?: number } = {},
): Promise<CapturedMail> {
  const deadline = Date.now() + (options.timeout ?? 15_000);
  const since = options.since ?? 0;
  const { subject, text } = options;
  const subjectMatches = (s: string) =>
    subject === undefined || (typeof subject === "string" ? s === subject : subject.test(s));
  for (;;) {
    const match = (await mailsTo(to))
      .filter((m) => m.receivedAt >= since && subjectMatches(m.subject) && (text?.test(m.text) ?? true))
      .at(-1);
    if (match) return match;
    if (Date.now() > deadline) {
      const seen = (await mailsTo(to)).map((m) => `"${m.subject}"`).join(", ") || "none";
      throw new Error(`No mail to ${to} matching ${options.subject ?? "anything"} (mails seen: ${seen})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A sign-in link (`/api/auth/callback/nodemailer?...`) in a mail's plain-text part. */
export const SIGN_IN_LINK = /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\?\S+/;

/** The sign-in link from the mail's plain-text part. */
export function linkIn(mail: CapturedMail): string {
  const match = mail.text.match(SIGN_IN_LINK);
  if (!match) throw new Error(`No sign-in link in mail "${mail.subject}":\n${mail.text}`);
  return match[0];
}

/** The 8-character code (`XXXX-XXXX`) from the mail's plain-text part. */
export function codeIn(mail: CapturedMail): string {
  const match = mail.text.match(/(?:^|\s)([A-Z0-9]{4}-[A-Z0-9]{4})(?:\s|$)/m);
  if (!match?.[1]) throw new Error(`No code in mail "${mail.subject}":\n${mail.text}`);
  return match[1];
}
