import "server-only";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { conversationParticipants, conversations, messages, notifications } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { markSubjectRead } from "@/lib/notifications/mutations";
import { conversationSubject, hasUnread } from "./data";

export const conversationNotFound = () =>
  new AppError({ code: "not_found", message: "conversationNotFound" });

/** The conversation's kind and title while the user takes part in it, else null. */
export async function loadParticipation(db: Executor, conversationId: string, userId: string) {
  const [row] = await db
    .select({ kind: conversations.kind, title: conversations.title })
    .from(conversationParticipants)
    .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
    .where(
      and(
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, userId),
        isNull(conversationParticipants.leftAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The viewer has seen the conversation: nothing unread, and no mail for what they just read. */
export async function markConversationRead(input: { userId: string; conversationId: string }): Promise<void> {
  const db = await getDb();
  await db
    .update(conversationParticipants)
    .set({ lastReadAt: sql`now()`, unreadCount: 0 })
    .where(
      and(
        eq(conversationParticipants.conversationId, input.conversationId),
        eq(conversationParticipants.userId, input.userId),
        hasUnread(sql`(SELECT last_message_at FROM conversations WHERE id = ${input.conversationId})`),
      ),
    );
  await markSubjectRead({ userId: input.userId, subjectKey: conversationSubject(input.conversationId) });
}

/**
 * Leaves a group: the member no longer sees it; the others see a note that they left. Leaving again
 * (a double click, two tabs) changes nothing and is no error: the first request's note is the one.
 */
export async function leaveConversation(input: { userId: string; conversationId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    // Under the participation's lock: a second request waits here and then finds it left.
    const [participation] = await tx
      .select({ kind: conversations.kind, leftAt: conversationParticipants.leftAt })
      .from(conversationParticipants)
      .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
      .where(
        and(
          eq(conversationParticipants.conversationId, input.conversationId),
          eq(conversationParticipants.userId, input.userId),
        ),
      )
      .for("update", { of: conversationParticipants });
    if (!participation) throw conversationNotFound();
    if (participation.kind !== "group") throw new AppError({ code: "invalid", message: "cannotLeaveDirect" });
    if (participation.leftAt) return;
    await tx
      .update(conversationParticipants)
      .set({ leftAt: sql`now()`, unreadCount: 0 })
      .where(
        and(
          eq(conversationParticipants.conversationId, input.conversationId),
          eq(conversationParticipants.userId, input.userId),
          isNull(conversationParticipants.leftAt),
        ),
      );
    await tx
      .insert(messages)
      .values({ conversationId: input.conversationId, senderId: input.userId, kind: "left" });
    await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(notifications.recipientId, input.userId),
          eq(notifications.subjectKey, conversationSubject(input.conversationId)),
          isNull(notifications.readAt),
        ),
      );
  });
}

/** Recounts the unread messages of the participations `where` picks (alias p), only senders they see. */
export async function recountUnread(tx: Executor, where: SQL) {
  await tx.execute(sql`
    UPDATE conversation_participants p SET unread_count = (
      SELECT count(*) FROM messages m
      WHERE m.conversation_id = p.conversation_id AND m.created_at > p.last_read_at AND m.kind = 'text'
        AND m.deleted_at IS NULL AND m.sender_id IS DISTINCT FROM p.user_id
        AND NOT EXISTS (SELECT 1 FROM member_blocks b WHERE b.blocker_id = p.user_id AND b.blocked_id = m.sender_id))
    WHERE ${where}`);
}
