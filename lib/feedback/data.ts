import "server-only";
import { desc, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { feedback } from "@/db/schema";

export const FEEDBACK_PAGE_SIZE = 50;

export type FeedbackEntry = {
  id: string;
  name: string | null;
  email: string | null;
  pageUrl: string | null;
  message: string;
  createdAt: Date;
};

/** Stored feedback, newest first, paged by keyset: `after` is the last shown entry's id. */
export async function listFeedback({ after }: { after?: string }): Promise<FeedbackEntry[]> {
  const db = await getDb();
  return db
    .select({
      id: feedback.id,
      name: feedback.name,
      email: feedback.email,
      pageUrl: feedback.pageUrl,
      message: feedback.message,
      createdAt: feedback.createdAt,
    })
    .from(feedback)
    .where(
      after
        ? sql`(${feedback.createdAt}, ${feedback.id}) < (select f.created_at, f.id from feedback f where f.id = ${after})`
        : undefined,
    )
    .orderBy(desc(feedback.createdAt), desc(feedback.id))
    .limit(FEEDBACK_PAGE_SIZE);
}
