import "server-only";
import { connect, type Socket } from "node:net";
import type { Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { deliverMail, type OutgoingMail } from "@/lib/mail/transport";
import { getMailSender } from "@/lib/settings/data";

const holder = globalThis as unknown as {
  __kpCampaignSmtp?: { url: string; size: number; transport: Transporter };
};

type SocketOptions = { host?: string; port?: number; secure?: boolean; connectionTimeout?: number };

/**
 * nodemailer leaves Nagle's algorithm on: the last bytes of each message then wait for the server's
 * delayed ACK (40 ms on Linux), which caps a connection at about 25 mails a second. Its pool takes
 * sockets from `getSocket`: these are opened with TCP_NODELAY (TLS is still added by nodemailer).
 */
function socketWithoutDelay(
  options: SocketOptions,
  callback: (error: Error | null, socketOptions?: { connection: Socket }) => void,
): void {
  const socket = connect({
    host: options.host ?? "localhost",
    port: options.port || (options.secure ? 465 : 587),
    noDelay: true,
  });
  socket.setTimeout(options.connectionTimeout ?? 2 * 60 * 1000, () =>
    socket.destroy(Object.assign(new Error("Connection timeout"), { code: "ETIMEDOUT" })),
  );
  socket.once("error", callback);
  socket.once("connect", () => {
    socket.setTimeout(0);
    socket.off("error", callback);
    callback(null, { connection: socket });
  });
}

/** One pooled SMTP transport per process (as many connections as the concurrency). */
async function pooledTransport(url: string, size: number): Promise<Transporter> {
  const current = holder.__kpCampaignSmtp;
  if (current?.url === url && current.size === size) return current.transport;
  current?.transport.close();
  const nodemailer = await import("nodemailer");
  // nodemailer reads transport options from the URL's query: the pool's size goes there.
  const pooled = new URL(url);
  pooled.searchParams.set("pool", "true");
  pooled.searchParams.set("maxConnections", String(size));
  pooled.searchParams.set("maxMessages", "1000000");
  const transport = nodemailer.createTransport(pooled.toString());
  // nodemailer's hook for sockets of one's own (as its proxy example uses): the pool takes it at the
  // first send.
  Object.assign(transport, { getSocket: socketWithoutDelay });
  holder.__kpCampaignSmtp = { url, size, transport };
  return transport;
}

/** How a campaign's mails go out: the pooled SMTP transport, or the dev mailbox without SMTP_URL. */
export async function transportFor(concurrency: number): Promise<(mail: OutgoingMail) => Promise<void>> {
  if (!env.SMTP_URL) return deliverMail; // demo mode: the dev mailbox
  const transport = await pooledTransport(env.SMTP_URL, concurrency);
  const from = (await getMailSender()) ?? env.MAIL_FROM;
  return async (mail) => {
    await transport.sendMail({ from, ...mail });
  };
}

/** Spaces sends evenly at `ratePerMinute`, never bursting to catch up; 0 lets everything through. */
export function pacer(ratePerMinute: number): () => Promise<void> {
  if (ratePerMinute <= 0) return async () => {};
  const interval = 60_000 / ratePerMinute;
  let next = 0;
  return async () => {
    const now = performance.now();
    const slot = Math.max(next, now);
    next = slot + interval;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  };
}
