import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb, rowsOf } from "@/db/client";
import { type MessageRemover, messages } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/kinds";
import { notify, withdrawFromNotifications } from "@/lib/notifications/mutations";
import { TITLE_FROM_TEXT } from "./constants";
import { conversationSubject } from "./data";
import { conversationHref } from "./mutations";
import { loadParticipation, recountUnread } from "./participation";

/**
 * The sender removes their own message: the others see that it was removed, never its text or files.
 * Whoever had not read it yet no longer counts it, nor finds it in their notification or its mail.
 * Final: no coordinator can bring it back. Deleting it again (a double click) changes nothing and
 * leads to it as the first request did.
 */
export async function deleteOwnMessage(input: {
  userId: string;
  messageId: string;
}): Promise<{ conversationId: string }> {
  const db = await getDb();
  const own = sql`m.id = ${input.messageId} AND m.sender_id = ${input.userId} AND m.kind = 'text'
    AND EXISTS (SELECT 1 FROM conversation_participants p WHERE p.conversation_id = m.conversation_id
      AND p.user_id = ${input.userId} AND p.left_at IS NULL)`;
  return db.transaction(async (tx) => {
    const [removed] = await removeMessages(tx, "author", own);
    if (removed) return { conversationId: removed.conversationId };
    // A request before this one deleted it (this one waited for its lock, then found nothing to do).
    const [deleted] = rowsOf<{ conversation_id: string }>(
      await tx.execute(
        sql`SELECT m.conversation_id FROM messages m WHERE ${own} AND m.removed_by = 'author'`,
      ),
    );
    if (!deleted) throw new AppError({ code: "not_found", message: "messageNotFound" });
    return { conversationId: deleted.conversation_id };
  });
}

/**
 * Removes the messages `where` picks (alias m) that are not removed yet, for everyone, and takes them
 * back from those who had not read them: their unread count, their notification and its mail.
 */
async function removeMessages(tx: Executor, by: MessageRemover, where: SQL) {
  const rows = rowsOf<{ id: string; conversation_id: string; sender_id: string | null; at: string }>(
    await tx.execute(sql`
      UPDATE messages m SET deleted_at = now(), removed_by = ${by} WHERE ${where} AND m.deleted_at IS NULL
      RETURNING m.id, m.conversation_id, m.sender_id, m.created_at::text AS at`),
  );
  for (const row of rows) {
    const conversationId = row.conversation_id;
    await recountUnread(
      tx,
      sql`p.conversation_id = ${conversationId} AND p.user_id IS DISTINCT FROM ${row.sender_id}
        AND p.left_at IS NULL AND p.last_read_at < ${row.at}::timestamptz`,
    );
    // A former member's notifications name no actor any more: none can be told apart to take back.
    if (row.sender_id === null) continue;
    const [previous] = rowsOf<{ id: string }>(
      await tx.execute(sql`
        SELECT id FROM messages WHERE conversation_id = ${conversationId} AND sender_id = ${row.sender_id}
          AND kind = 'text' AND deleted_at IS NULL AND created_at < ${row.at}::timestamptz
        ORDER BY created_at DESC, id DESC LIMIT 1`),
    );
    await withdrawFromNotifications(
      {
        subjectKey: conversationSubject(conversationId),
        kind: "message",
        actorId: row.sender_id,
        at: row.at,
        url: conversationHref(conversationId, row.id),
        previousUrl: previous ? conversationHref(conversationId, previous.id) : null,
      },
      tx,
    );
  }
  return rows.map((row) => ({ conversationId: row.conversation_id }));
}

/** A message as the moderation queue sees it: visible, removed by a coordinator, or by its author. */
export type MessageState = "visible" | "hidden" | "authorDeleted";

export function messageState(row: {
  deletedAt: Date | null;
  removedBy: MessageRemover | null;
}): MessageState {
  if (!row.deletedAt) return "visible";
  return row.removedBy === "author" ? "authorDeleted" : "hidden";
}

/**
 * Moderation: a coordinator hides or deletes (removed for everyone, taken back from who had not read
 * it, as when its sender deletes it) or restores a reported message (unread again for who had not).
 * Checked under the message's lock, so a deletion by its sender that came first is seen: restoring it
 * is refused ("removedByAuthor"), and so is a change `allowedFrom` does not allow ("decisionRefused";
 * null: no such message). With `actorId` (the coordinator) its sender hears of it; `audit`: the change
 * is also logged in the same transaction.
 */
export async function setMessageRemoved(input: MessageRemovalInput): Promise<void> {
  const db = await getDb();
  const changed = await db.transaction((tx) => changeMessageRemoved(tx, input));
  await announceMessageRemoved(input, changed);
}

export type MessageRemovalInput = {
  messageId: string;
  removed: boolean;
  allowedFrom?: (current: MessageState | null) => boolean;
  actorId?: string;
  audit?: boolean;
};

/**
 * setMessageRemoved's writes, in the caller's transaction (a report's decision closes the report in
 * the same one). Returns the changed message for announceMessageRemoved once it committed, or null.
 */
export async function changeMessageRemoved(tx: Executor, input: MessageRemovalInput) {
  const [row] = await tx
    .select({
      deletedAt: messages.deletedAt,
      removedBy: messages.removedBy,
      senderId: messages.senderId,
      conversationId: messages.conversationId,
      title: sql<string>`left(${messages.body}, ${TITLE_FROM_TEXT})`,
    })
    .from(messages)
    .where(eq(messages.id, input.messageId))
    .for("update");
  const current = row ? messageState(row) : null;
  if (!input.removed && current === "authorDeleted")
    throw new AppError({ code: "forbidden", message: "removedByAuthor" });
  if (input.allowedFrom && !input.allowedFrom(current))
    throw new AppError({ code: "conflict", message: "decisionRefused" });
  if (!row) return null;
  let done = false;
  if (input.removed) {
    done = (await removeMessages(tx, "moderator", sql`m.id = ${input.messageId}`)).length > 0;
  } else {
    const [restored] = await tx
      .update(messages)
      .set({ deletedAt: null, removedBy: null })
      .where(and(eq(messages.id, input.messageId), eq(messages.removedBy, "moderator")))
      .returning({ conversationId: messages.conversationId });
    if (restored)
      await recountUnread(tx, sql`p.conversation_id = ${restored.conversationId} AND p.left_at IS NULL`);
    done = Boolean(restored);
  }
  if (input.audit && input.actorId) {
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.removed ? "moderation.hide" : "moderation.restore",
      targetType: "message",
      targetId: input.messageId,
    });
  }
  return done ? row : null;
}

/** With `actorId` (a coordinator), the sender of a message changeMessageRemoved changed hears of it. */
export async function announceMessageRemoved(
  input: MessageRemovalInput,
  changed: Awaited<ReturnType<typeof changeMessageRemoved>>,
) {
  if (changed && input.actorId) await tellSender(input.messageId, changed, input.removed, input.actorId);
}

/**
 * The sender, while still in the conversation, hears what a coordinator did to their message, as a
 * post's author does: removed (the line leads nowhere), or shown again (it leads to the message).
 */
async function tellSender(
  messageId: string,
  message: { senderId: string | null; conversationId: string; title: string },
  removed: boolean,
  actorId: string,
) {
  if (!message.senderId) return;
  if (!(await loadParticipation(await getDb(), message.conversationId, message.senderId))) return;
  await notify({
    recipientIds: [message.senderId],
    kind: "moderation",
    actorId,
    url: removed ? NOTIFICATIONS_PATH : conversationHref(message.conversationId, messageId),
    subjectKey: `message:${messageId}`,
    params: { decision: removed ? "messageRemoved" : "messageRestored", title: message.title },
  });
}

/**
 * A coordinator brings back a message a coordinator removed, after its report was decided (as the
 * forum restores a hidden post): its participants see it again, unread for who had not read it. Not
 * one its sender deleted ("removedByAuthor"), nor one not removed ("decisionRefused"). Logged.
 */
export async function restoreMessage(input: { messageId: string; actorId: string }): Promise<void> {
  await setMessageRemoved({
    messageId: input.messageId,
    removed: false,
    allowedFrom: (current) => current === "hidden",
    actorId: input.actorId,
    audit: true,
  });
}
