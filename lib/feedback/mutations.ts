import "server-only";
import { getDb } from "@/db/client";
import { feedback } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { sendJob } from "@/lib/jobs/queue";
import { QUEUE_MAILS_JOB } from "./constants";
import type { AccessibilityFeedback } from "./schema";

/**
 * Stores the feedback and queues its mails to every coordinator and admin (./jobs.ts), so the sender
 * does not wait for the mail server and a refused mail is sent again later.
 */
export async function submitAccessibilityFeedback(
  input: AccessibilityFeedback,
  senderLocale: Locale,
): Promise<{ id: string }> {
  const db = await getDb();
  const [row] = await db
    .insert(feedback)
    .values({
      kind: "accessibility",
      name: input.name ?? null,
      email: input.email ?? null,
      pageUrl: input.pageUrl ?? null,
      message: input.message,
    })
    .returning({ id: feedback.id });
  await sendJob(QUEUE_MAILS_JOB, { feedbackId: row!.id, senderLocale });
  return { id: row!.id };
}
