import "server-only";
import { createHash } from "node:crypto";
import { sendAccessibilityFeedbackEmail } from "@/emails/accessibility-feedback";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { sendJob } from "@/lib/jobs/queue";
import type { JobHandler } from "@/lib/jobs/types";
import { MAIL_JOB, QUEUE_MAILS_JOB } from "./constants";
import { getFeedback, getFeedbackRecipient, listFeedbackRecipientIds } from "./data";

type Queued = { feedbackId: string; senderLocale: string };

/** A UUID of feedback and recipient: a retried queueing job adds no second mail job for anyone. */
function mailJobId(feedbackId: string, recipientId: string): string {
  const h = createHash("sha256").update(`${MAIL_JOB}|${feedbackId}|${recipientId}`).digest("hex");
  return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20, 32)].join("-");
}

const localeOf = (value: string | null): Locale => (value && isLocale(value) ? value : "de");

/** Feedback job handlers, registered in lib/jobs/registry.ts. */
export const feedbackJobs: Record<string, JobHandler> = {
  // One mail job per recipient: a mail the SMTP server refuses is retried on its own.
  [QUEUE_MAILS_JOB]: async (data: Queued) => {
    for (const recipientId of await listFeedbackRecipientIds()) {
      await sendJob(MAIL_JOB, { ...data, recipientId }, { id: mailJobId(data.feedbackId, recipientId) });
    }
  },
  [MAIL_JOB]: async (data: Queued & { recipientId: string }) => {
    const [entry, recipient] = await Promise.all([
      getFeedback({ id: data.feedbackId }),
      getFeedbackRecipient({ userId: data.recipientId }),
    ]);
    // No longer a coordinator or admin: they no longer receive it.
    if (!entry || !recipient) return;
    await sendAccessibilityFeedbackEmail({
      to: recipient.email,
      locale: localeOf(recipient.locale),
      message: entry.message,
      senderName: entry.name,
      senderEmail: entry.email,
      pageUrl: entry.pageUrl,
      senderLocale: localeOf(data.senderLocale),
    });
  },
};
