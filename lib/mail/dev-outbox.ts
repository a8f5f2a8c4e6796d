/**
 * The demo outbox keeps a mail's key headers with its HTML part, in a comment before it, so the dev
 * mailbox can show them without a column of their own (the table is demo-only).
 */
export type DevMailHeaders = Record<string, string>;

const START = "<!--kp-dev-headers ";
const END = "-->\n";

/** The headers shown in the dev mailbox, in this order, when a mail has them. */
export const DEV_MAIL_HEADERS = ["From", "Reply-To", "List-Unsubscribe", "List-Unsubscribe-Post"] as const;

export function packDevHtml(html: string, headers: DevMailHeaders): string {
  // JSON escapes "<" and ">" here, so the comment never ends early.
  const json = JSON.stringify(headers).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
  return `${START}${json}${END}${html}`;
}

/** The HTML part as sent, and its headers (none for mails stored before they were kept). */
export function unpackDevHtml(stored: string): { html: string; headers: DevMailHeaders } {
  if (!stored.startsWith(START)) return { html: stored, headers: {} };
  const end = stored.indexOf(END);
  try {
    const headers = JSON.parse(stored.slice(START.length, end)) as DevMailHeaders;
    return { html: stored.slice(end + END.length), headers };
  } catch {
    return { html: stored, headers: {} };
  }
}
