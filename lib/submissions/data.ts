import "server-only";
import { and, desc, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { formSubmissions } from "@/db/schema";
import { SAME_TEXT_MINUTES } from "./constants";
import type { Submission } from "./utils";

/**
 * Where this submission landed before: the member's same key with the same text, or (a form the back
 * button loaded anew) the same text without files that is still the latest in its place. Null: new.
 */
export async function findSubmitted(submission: Submission): Promise<string | null> {
  const db = await getDb();
  const [same] = await db
    .select({ fingerprint: formSubmissions.fingerprint, targetUrl: formSubmissions.targetUrl })
    .from(formSubmissions)
    .where(and(eq(formSubmissions.userId, submission.userId), eq(formSubmissions.key, submission.key)))
    .limit(1);
  if (same?.targetUrl && same.fingerprint === submission.fingerprint) return same.targetUrl;
  if (submission.withFiles) return null;
  const [latest] = await db
    .select({
      userId: formSubmissions.userId,
      fingerprint: formSubmissions.fingerprint,
      targetUrl: formSubmissions.targetUrl,
    })
    .from(formSubmissions)
    .where(
      and(
        eq(formSubmissions.scope, submission.scope),
        gt(formSubmissions.createdAt, sql`now() - make_interval(mins => ${SAME_TEXT_MINUTES})`),
      ),
    )
    .orderBy(desc(formSubmissions.createdAt))
    .limit(1);
  return latest?.userId === submission.userId && latest.fingerprint === submission.fingerprint
    ? latest.targetUrl
    : null;
}
