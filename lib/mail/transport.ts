import "server-only";
import type { Transporter } from "nodemailer";
import { getDb } from "@/db/client";
import { devOutbox } from "@/db/schema";
import { env } from "@/lib/env";
import { getMailSender } from "@/lib/settings/data";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Where a reply goes instead of the (often no-reply) sender. */
  replyTo?: string;
  headers?: Record<string, string>;
};

const holder = globalThis as unknown as { __knotenpunktSmtp?: Transporter };

async function smtpTransport(smtpUrl: string): Promise<Transporter> {
  if (!holder.__knotenpunktSmtp) {
    const nodemailer = await import("nodemailer");
    holder.__knotenpunktSmtp = nodemailer.createTransport(smtpUrl);
  }
  return holder.__knotenpunktSmtp;
}

/** Sends through SMTP_URL, or in demo mode stores the mail in the outbox shown at /dev/mailbox. */
export async function deliverMail(mail: OutgoingMail): Promise<void> {
  // The sender admins set at /admin/settings, else MAIL_FROM.
  const from = (await getMailSender()) ?? env.MAIL_FROM;
  if (!env.SMTP_URL) {
    const db = await getDb();
    const headers = { From: from, ...(mail.replyTo ? { "Reply-To": mail.replyTo } : {}), ...mail.headers };
    await db
      .insert(devOutbox)
      .values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers });
    return;
  }
  const transport = await smtpTransport(env.SMTP_URL);
  try {
    await transport.sendMail({ from, ...mail });
  } catch (error) {
    console.error(`SMTP delivery to ${mail.to} failed:`, error);
    throw error;
  }
}
