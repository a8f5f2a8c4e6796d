import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { feedback, users } from "@/db/schema";

export const FEEDBACK_PAGE_SIZE = 50;

export type FeedbackEntry = {
  id: string;
  name: string | null;
  email: string | null;
  pageUrl: string | null;
  message: string;
  createdAt: Date;
};

const FEEDBACK_TEXT = {
  name: feedback.name,
  email: feedback.email,
  pageUrl: feedback.pageUrl,
  message: feedback.message,
  createdAt: feedback.createdAt,
};

/** Stored feedback, newest first, paged by keyset: `after` is the last shown entry's id. */
export async function listFeedback({ after }: { after?: string }): Promise<FeedbackEntry[]> {
  const db = await getDb();
  return db
    .select({ id: feedback.id, ...FEEDBACK_TEXT })
    .from(feedback)
    .where(
      after
        ? sql`(${feedback.createdAt}, ${feedback.id}) < (select f.created_at, f.id from feedback f where f.id = ${after})`
        : undefined,
    )
    .orderBy(desc(feedback.createdAt), desc(feedback.id))
    .limit(FEEDBACK_PAGE_SIZE);
}

/** One piece of feedback, for its mails; null when there is none with this id. */
export async function getFeedback({ id }: { id: string }): Promise<Omit<FeedbackEntry, "id"> | null> {
  const db = await getDb();
  const [row] = await db.select(FEEDBACK_TEXT).from(feedback).where(eq(feedback.id, id)).limit(1);
  return row ?? null;
}

const isRecipient = and(inArray(users.role, ["coordinator", "admin"]), eq(users.status, "approved"));

/** Who receives feedback: every approved coordinator and admin. */
export async function listFeedbackRecipientIds(): Promise<string[]> {
  const db = await getDb();
  const rows = await db.select({ id: users.id }).from(users).where(isRecipient);
  return rows.map((row) => row.id);
}

/** A recipient's address and language, while they still receive feedback; else null. */
export async function getFeedbackRecipient({
  userId,
}: {
  userId: string;
}): Promise<{ email: string; locale: string | null } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, userId), isRecipient))
    .limit(1);
  return row ?? null;
}
