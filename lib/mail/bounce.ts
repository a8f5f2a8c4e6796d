/**
 * What an SMTP refusal says about the address it was sent to. A 4xx refusal may pass later; a 5xx one
 * is final for this mail. Only some final refusals mean the mailbox is gone or never existed, and only
 * those put the address on the suppression list: others are about the message (too big, taken for
 * spam) or about our own server (policy, authentication, reputation), and the next mail may pass.
 */
export type SmtpRefusal = {
  /** Final for this mail: do not try it again. */
  permanent: boolean;
  /** The recipient's address itself is refused (unknown, disabled, not ours): mail it no more. */
  addressGone: boolean;
  /** The server's reply, for the report. */
  reason: string;
};

/** RFC 3463 enhanced status code, e.g. "5.1.1" in "550 5.1.1 User unknown". */
const ENHANCED = /(?:^|\s|\b)([245])\.(\d{1,3})\.(\d{1,3})\b/;
/** Basic replies that name the recipient: mailbox unavailable, user not local, mailbox name not allowed. */
const ADDRESS_CODES = new Set([550, 551, 553]);
/** Without an enhanced code, a 550 that speaks of the message or of us is not about the mailbox. */
const NOT_ABOUT_MAILBOX =
  /spam|policy|block|blacklist|denylist|content|reputation|rate|relay|authenticat|dmarc|spf|dkim/i;

export function classifySmtpRefusal(error: unknown): SmtpRefusal {
  const e = error as { responseCode?: number; response?: string; message?: string } | null;
  const reason = (e?.response ?? e?.message ?? String(error)).slice(0, 500);
  const code = typeof e?.responseCode === "number" ? e.responseCode : null;
  const permanent = code !== null && code >= 500 && code < 600;
  if (!permanent) return { permanent, addressGone: false, reason };
  const enhanced = ENHANCED.exec(reason);
  if (enhanced?.[1] === "5") {
    const [subject, detail] = [Number(enhanced[2]), Number(enhanced[3])];
    // 5.1.x: bad address or mailbox; 5.2.1: mailbox disabled. 5.2.2 (full), 5.3.x, 5.7.x (policy) are not.
    return { permanent, addressGone: subject === 1 || (subject === 2 && detail === 1), reason };
  }
  return { permanent, addressGone: ADDRESS_CODES.has(code) && !NOT_ABOUT_MAILBOX.test(reason), reason };
}

/** An address in a reply, with or without its angle brackets. */
const ADDRESS = /<?[^\s<>]+@[^\s<>]+>?/g;
/** A token with letters and digits, ten or more long, not a link: a queue or message id, unique to each mail. */
const MAIL_ID = /(?<=^|\s|\()(?=[^\s()/]*\d)(?=[^\s()/]*[a-z])[^\s()/]{10,}(?=$|\s|\))/gi;

/**
 * A reply as the report groups it: without the recipient's address and the server's id of the mail,
 * which make every refusal unique ("550 5.1.1 <a@b.de>: User unknown … 1a2b3c4d5e - gsmtp").
 */
export function reasonGroup(reason: string): string {
  return reason.replace(ADDRESS, "…").replace(MAIL_ID, "…").replace(/\s+/g, " ").trim();
}
