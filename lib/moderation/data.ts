import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { forumPosts, forumThreads, reports, users } from "@/db/schema";
import { SUBJECTS } from "./subjects";

/**
 * Open reports, oldest first, grouped into one entry per reported thing with every reason; the oldest
 * 200 reports at most (countReportedSubjects counts all).
 */
export async function listOpenReports() {
  const db = await getDb();
  const rows = await db
    .select({
      id: reports.id,
      subjectType: reports.subjectType,
      subjectId: reports.subjectId,
      reason: reports.reason,
      createdAt: reports.createdAt,
      reporterName: users.name,
    })
    .from(reports)
    .leftJoin(users, eq(users.id, reports.reporterId))
    .where(eq(reports.status, "open"))
    .orderBy(asc(reports.createdAt))
    .limit(200);
  const groups = new Map<
    string,
    {
      reportId: string;
      subjectType: string;
      subjectId: string;
      reasons: { reporterName: string | null; reason: string; createdAt: Date }[];
    }
  >();
  for (const r of rows) {
    const key = `${r.subjectType}:${r.subjectId}`;
    const group = groups.get(key) ?? {
      reportId: r.id,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      reasons: [],
    };
    group.reasons.push({ reporterName: r.reporterName, reason: r.reason, createdAt: r.createdAt });
    groups.set(key, group);
  }
  return Promise.all(
    [...groups.values()].map(async (g) => ({
      ...g,
      subject: (await SUBJECTS[g.subjectType]?.preview(g.subjectId)) ?? null,
    })),
  );
}

/** How many reported things wait in all (each with one or more open reports). */
export async function countReportedSubjects(): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(distinct (${reports.subjectType}, ${reports.subjectId}))::int` })
    .from(reports)
    .where(eq(reports.status, "open"));
  return row?.n ?? 0;
}

/** How many held posts the queue shows at once. */
const HELD_SHOWN = 100;

/** Posts held for approval (new members' first posts), oldest first: who waited longest comes first. */
export async function listHeldPosts(limit = HELD_SHOWN) {
  const db = await getDb();
  return db
    .select({
      id: forumPosts.id,
      number: forumPosts.number,
      bodyHtml: forumPosts.bodyHtml,
      createdAt: forumPosts.createdAt,
      authorName: users.name,
      threadId: forumThreads.id,
      threadSlug: forumThreads.slug,
      threadTitle: forumThreads.title,
    })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .leftJoin(users, eq(users.id, forumPosts.authorId))
    .where(eq(forumPosts.status, "pending"))
    .orderBy(asc(forumPosts.id))
    .limit(limit);
}

/** How many posts wait for approval in all. */
export async function countHeldPosts(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(forumPosts).where(eq(forumPosts.status, "pending"));
  return row?.n ?? 0;
}
