import "server-only";
import { and, countDistinct, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Cursor } from "@/db/cursor";
import { messages, reports, users } from "@/db/schema";
import type { SubjectHandler } from "@/lib/moderation/subjects";
import { decisionFits } from "@/lib/moderation/utils";
import { TITLE_FROM_TEXT } from "./constants";
import { announceMessageRemoved, changeMessageRemoved, type MessageState, messageState } from "./removal";

/**
 * For lib/moderation/subjects.ts (SUBJECTS.message): what the queue shows of a reported message and
 * how a decision is carried out. Hide and delete remove it for everyone; restore brings back what a
 * coordinator removed, never what its author deleted ("authorDeleted": the report can only be closed).
 */
export const messageSubject: SubjectHandler = {
  preview: async (subjectId: string) => {
    const db = await getDb();
    const [row] = await db
      .select({
        authorName: users.name,
        excerpt: sql<string>`left(${messages.body}, 400)`,
        deletedAt: messages.deletedAt,
        removedBy: messages.removedBy,
      })
      .from(messages)
      .leftJoin(users, eq(users.id, messages.senderId))
      .where(eq(messages.id, subjectId))
      .limit(1);
    if (!row) return null;
    return {
      authorName: row.authorName,
      excerpt: row.excerpt,
      url: null,
      // A message has no title: the start of its text names it in the reporter's notification.
      title: row.excerpt.slice(0, TITLE_FROM_TEXT),
      status: messageState(row),
    };
  },
  // Checked again under the message's lock: its author may have deleted it since the queue was read.
  apply: async (tx, subjectId, decision, actorId) => {
    const input = {
      messageId: subjectId,
      removed: decision !== "restore",
      // The queue logs the decision itself (lib/moderation/mutations.ts).
      actorId,
      allowedFrom: (current: MessageState | null) => decisionFits(current, decision),
    };
    const changed = await changeMessageRemoved(tx, input);
    return { threadGone: false, announce: () => announceMessageRemoved(input, changed) };
  },
};

export const REMOVED_PAGE_SIZE = 50;

/**
 * The messages coordinators removed by deciding on a report, that no open report brings to the queue
 * again. Found through their reports (few), not by reading through all messages.
 */
const removedByModerators = () =>
  and(
    eq(reports.subjectType, "message"),
    inArray(reports.status, ["hidden", "deleted"]),
    eq(messages.removedBy, "moderator"),
    sql`NOT EXISTS (SELECT 1 FROM reports o WHERE o.subject_type = 'message'
      AND o.subject_id = ${messages.id} AND o.status = 'open')`,
  );

/**
 * Those messages, the last removed first, a page at a time after `before`, each to be restored, with
 * the cursor of the page after it (db/cursor.ts).
 */
export async function listRemovedMessages(before?: Cursor | null) {
  const db = await getDb();
  return db
    .selectDistinct({
      id: messages.id,
      authorName: users.name,
      excerpt: sql<string>`left(${messages.body}, 400)`,
      removedAt: messages.deletedAt,
      at: sql<string>`${messages.deletedAt}::text`,
    })
    .from(reports)
    .innerJoin(messages, eq(messages.id, reports.subjectId))
    .leftJoin(users, eq(users.id, messages.senderId))
    .where(
      and(
        removedByModerators(),
        before
          ? sql`(${messages.deletedAt}, ${messages.id}) < (${before.at}::timestamptz, ${before.id})`
          : undefined,
      ),
    )
    .orderBy(desc(messages.deletedAt), desc(messages.id))
    .limit(REMOVED_PAGE_SIZE);
}

/** How many there are in all. */
export async function countRemovedMessages(): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: countDistinct(messages.id) })
    .from(reports)
    .innerJoin(messages, eq(messages.id, reports.subjectId))
    .where(removedByModerators());
  return row?.n ?? 0;
}
