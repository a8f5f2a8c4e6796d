import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { feedback } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { sendJob } from "@/lib/jobs/queue";
import { QUEUE_MAILS_JOB } from "./constants";
import type { AccessibilityFeedback } from "./schema";

/**
 * Stores the feedback and queues its mails to every coordinator and admin (./jobs.ts), so the sender
 * does not wait for the mail server and a refused mail is sent again later. `submissionKey`: the form's
 * one-time key; the same message sent again with it (a reload of the result without JavaScript) is
 * neither stored nor mailed twice.
 */
export async function submitAccessibilityFeedback(
  input: AccessibilityFeedback,
  senderLocale: Locale,
  submissionKey: string | null = null,
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
      submissionKey,
    })
    .onConflictDoNothing({ target: feedback.submissionKey })
    .returning({ id: feedback.id });
  if (!row) {
    const [earlier] = await db
      .select({ id: feedback.id, message: feedback.message })
      .from(feedback)
      .where(eq(feedback.submissionKey, submissionKey!));
    if (earlier?.message === input.message) return { id: earlier.id };
    // The key came back with another message: feedback of its own.
    return submitAccessibilityFeedback(input, senderLocale);
  }
  await sendJob(QUEUE_MAILS_JOB, { feedbackId: row.id, senderLocale });
  return { id: row.id };
}
