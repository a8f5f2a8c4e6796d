import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { feedback, users } from "@/db/schema";
import { sendAccessibilityFeedbackEmail } from "@/emails/accessibility-feedback";
import { isLocale, type Locale } from "@/lib/i18n/config";
import type { AccessibilityFeedback } from "./schema";

/** Stores the feedback and mails it to every coordinator and admin, each in their language. */
export async function submitAccessibilityFeedback(
  input: AccessibilityFeedback,
  senderLocale: Locale,
): Promise<{ recipients: number }> {
  const db = await getDb();
  await db.insert(feedback).values({
    kind: "accessibility",
    name: input.name ?? null,
    email: input.email ?? null,
    pageUrl: input.pageUrl ?? null,
    message: input.message,
  });
  const coordinators = await db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.role, ["coordinator", "admin"]), eq(users.status, "approved")));
  for (const c of coordinators) {
    await sendAccessibilityFeedbackEmail({
      to: c.email,
      locale: isLocale(c.locale) ? c.locale : "de",
      message: input.message,
      senderName: input.name ?? null,
      senderEmail: input.email ?? null,
      pageUrl: input.pageUrl ?? null,
      senderLocale,
    });
  }
  return { recipients: coordinators.length };
}
