import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { messages, users } from "@/db/schema";
import type { SubjectHandler } from "@/lib/moderation/subjects";
import { decisionFits } from "@/lib/moderation/utils";
import { messageState, setMessageRemoved } from "./removal";

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
      title: row.excerpt.slice(0, 60),
      status: messageState(row),
    };
  },
  // Checked again under the message's lock: its author may have deleted it since the queue was read.
  apply: async (subjectId: string, decision: "hide" | "restore" | "delete") => {
    await setMessageRemoved({
      messageId: subjectId,
      removed: decision !== "restore",
      allowedFrom: (current) => decisionFits(current, decision),
    });
  },
};
