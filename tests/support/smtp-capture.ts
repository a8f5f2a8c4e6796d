// A real SMTP peer inside the test process: stores every accepted message, parsed.
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedMail = {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
};

export type SmtpCapture = {
  port: number;
  url: string;
  messages: CapturedMail[];
  /** While set, every message is refused with this SMTP reply code (4xx temporary, 5xx permanent). */
  refuseWith: number | null;
  /** Addresses refused at RCPT TO with "550 5.1.1 <address>: … User unknown", as Postfix refuses a mailbox that does not exist. */
  unknownRecipients: Set<string>;
  /** Addresses refused at RCPT TO with this reply, e.g. `{ code: 552, text: "5.2.2 Mailbox full" }`. */
  refuseRecipients: Map<string, { code: number; text: string }>;
  close: () => Promise<void>;
};

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const capture = {
    messages: [] as CapturedMail[],
    refuseWith: null as number | null,
    unknownRecipients: new Set<string>(),
    refuseRecipients: new Map<string, { code: number; text: string }>(),
  };
  const server = new SMTPServer({
    // The built-in certificate has expired: no STARTTLS; no AUTH either.
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = capture.unknownRecipients.has(address.address)
        ? { code: 550, text: `5.1.1 <${address.address}>: Recipient address rejected: User unknown` }
        : capture.refuseRecipients.get(address.address);
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const refuse = capture.refuseWith;
      if (refuse !== null) {
        stream.resume();
        stream.on("end", () =>
          callback(Object.assign(new Error("Mailbox unavailable, try later"), { responseCode: refuse })),
        );
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          capture.messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            headers: parsed.headers,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(capture, {
    port,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/**
 * Ends a test file's mail set-up: SMTP_URL unset, the app's pooled transports to the capture
 * (lib/mail/transport.ts, the campaign sender's) closed and forgotten, then the capture stopped.
 */
export async function stopSmtpCapture(smtp: SmtpCapture): Promise<void> {
  delete process.env.SMTP_URL;
  const holder = globalThis as {
    __knotenpunktSmtp?: { close: () => void };
    __kpCampaignSmtp?: { transport: { close: () => void } };
  };
  holder.__knotenpunktSmtp?.close();
  holder.__kpCampaignSmtp?.transport.close();
  delete holder.__knotenpunktSmtp;
  delete holder.__kpCampaignSmtp;
  await smtp.close();
}
