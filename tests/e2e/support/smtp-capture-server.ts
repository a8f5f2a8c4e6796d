/**
 * The SMTP peer of the e2e suite: accepts every mail on 127.0.0.1:E2E_SMTP_PORT (2525) and keeps it in
 * memory, and serves what it caught on 127.0.0.1:E2E_SMTP_PORT+1 (`GET /messages?to=<addr>`, newest
 * last; `DELETE /messages`).
 * smtp-server's built-in certificate has expired, so STARTTLS (and AUTH, which needs it) are off.
 */
import { createServer } from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { smtpCapturePort } from "./ports";

export type CapturedMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  receivedAt: number;
};

const SMTP_PORT = smtpCapturePort();
const HTTP_PORT = SMTP_PORT + 1;
const HOST = "127.0.0.1";
const MAX_MESSAGES = 5000;

const messages: CapturedMail[] = [];

const smtp = new SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  authOptional: true,
  logger: false,
  size: 5 * 1024 * 1024,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        const headers: Record<string, string> = {};
        for (const line of parsed.headerLines) {
          headers[line.key] = line.line.slice(line.line.indexOf(":") + 1).trim();
        }
        // One entry per envelope recipient, so a look-up by address finds exactly what that person got.
        for (const rcpt of session.envelope.rcptTo) {
          messages.push({
            to: rcpt.address.toLowerCase(),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            headers,
            receivedAt: Date.now(),
          });
        }
        if (messages.length > MAX_MESSAGES) messages.splice(0, messages.length - MAX_MESSAGES);
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});

const http = createServer((request, response) => {
  const url = new URL(request.url ?? "/", `http://${HOST}:${HTTP_PORT}`);
  if (url.pathname !== "/messages") {
    response.writeHead(404).end();
    return;
  }
  if (request.method === "DELETE") {
    messages.length = 0;
    response.writeHead(204).end();
    return;
  }
  if (request.method !== "GET") {
    response.writeHead(405).end();
    return;
  }
  const to = url.searchParams.get("to")?.trim().toLowerCase();
  const list = to ? messages.filter((m) => m.to === to) : messages;
  response.writeHead(200, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(list));
});

smtp.on("error", (error) => console.error("SMTP capture:", error.message));
smtp.listen(SMTP_PORT, HOST, () => {
  http.listen(HTTP_PORT, HOST, () => {
    console.log(`SMTP capture on ${HOST}:${SMTP_PORT}, messages at http://${HOST}:${HTTP_PORT}/messages`);
  });
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    http.close();
    smtp.close(() => process.exit(0));
  });
}
