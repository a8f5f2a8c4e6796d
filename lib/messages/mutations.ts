import "server-only";
import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb, rowsOf } from "@/db/client";
import {
  conversationParticipants,
  conversations,
  memberBlocks,
  messageAttachments,
  messages,
  notifications,
  uploads,
  users,
} from "@/db/schema";
import type { ConversationKind } from "@/db/schema/messages";
import { uploadRow } from "@/db/uploads";
import { AppError } from "@/lib/errors";
import { markSubjectRead, notify, withdrawFromNotifications } from "@/lib/notifications/mutations";
import type { PendingAttachment } from "@/lib/uploads/constants";
import type { CheckedFile } from "./attachments";
import { conversationSubject, hasUnread } from "./data";
import { claimMessagePending } from "./pending-attachments";

export { conversationSubject };
export const conversationHref = (conversationId: string, messageId?: string) =>
  `/messages/${conversationId}${messageId ? `#m-${messageId}` : ""}`;

const notFound = () => new AppError({ code: "not_found", message: "conversationNotFound" });

export type Posted = { conversationId: string; messageId: string };

/**
 * Stores a message with its files and updates everyone's view: the sender has read it; the other
 * current participants who have not blocked the sender get it as unread, at the top of their list,
 * and a notification (mailed per their settings, a burst as one mail).
 */
async function postMessage(
  tx: Executor,
  input: {
    conversationId: string;
    kind: ConversationKind;
    title: string | null;
    senderId: string;
    body: string;
    files: CheckedFile[];
    pending?: PendingAttachment[];
  },
): Promise<Posted> {
  const [message] = await tx
    .insert(messages)
    .values({ conversationId: input.conversationId, senderId: input.senderId, body: input.body })
    .returning({ id: messages.id });
  const messageId = message!.id;
  for (const file of input.files) {
    const [upload] = await tx
      .insert(uploads)
      .values(uploadRow(input.senderId, "message_attachment", file))
      .returning({ id: uploads.id });
    await tx.insert(messageAttachments).values({
      messageId,
      uploadId: upload!.id,
      fileName: file.fileName,
      contentType: file.contentType,
      byteSize: file.data.byteLength,
    });
  }
  await claimMessagePending(tx, input.senderId, messageId, input.pending ?? []);
  await tx
    .update(conversations)
    .set({ lastMessageAt: sql`now()` })
    .where(eq(conversations.id, input.conversationId));
  await tx
    .update(conversationParticipants)
    .set({ lastReadAt: sql`now()`, unreadCount: 0, lastActivityAt: sql`now()` })
    .where(
      and(
        eq(conversationParticipants.conversationId, input.conversationId),
        eq(conversationParticipants.userId, input.senderId),
      ),
    );
  // Whoever writes has seen the messages above theirs: no unread line, no mail about them.
  await markSubjectRead(
    { userId: input.senderId, subjectKey: conversationSubject(input.conversationId) },
    tx,
  );
  const reached = rowsOf<{ user_id: string }>(
    await tx.execute(sql`
      UPDATE conversation_participants p
      SET unread_count = p.unread_count + 1, last_activity_at = now()
      WHERE p.conversation_id = ${input.conversationId} AND p.user_id <> ${input.senderId} AND p.left_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM member_blocks b WHERE b.blocker_id = p.user_id AND b.blocked_id = ${input.senderId})
      RETURNING p.user_id`),
  );
  await notify(
    {
      recipientIds: reached.map((r) => r.user_id),
      kind: "message",
      actorId: input.senderId,
      url: conversationHref(input.conversationId, messageId),
      subjectKey: conversationSubject(input.conversationId),
      params: { title: input.title ?? "", group: input.kind === "group" ? "yes" : "no" },
    },
    tx,
  );
  return { conversationId: input.conversationId, messageId };
}

/** Recipients have read nothing yet (the first message is as new as their membership). */
const newParticipants = (conversationId: string, senderId: string, recipientIds: string[]) => [
  { conversationId, userId: senderId },
  ...recipientIds.map((userId) => ({ conversationId, userId, lastReadAt: new Date(0) })),
];

const requireContent = (input: { body: string; files: CheckedFile[]; pending?: PendingAttachment[] }) => {
  if (!input.body && input.files.length === 0 && !input.pending?.length)
    throw new AppError({ code: "invalid", message: "required", field: "body" });
};

/** Pairs that may not write to each other: either one blocked the other. */
async function blockedPairs(db: Executor, userId: string, others: string[]) {
  if (others.length === 0) return { iBlocked: [] as string[], blockedMe: [] as string[] };
  const rows = await db
    .select({ blocker: memberBlocks.blockerId, blocked: memberBlocks.blockedId })
    .from(memberBlocks)
    .where(
      sql`(${memberBlocks.blockerId} = ${userId} AND ${inArray(memberBlocks.blockedId, others)})
        OR (${memberBlocks.blockedId} = ${userId} AND ${inArray(memberBlocks.blockerId, others)})`,
    );
  return {
    iBlocked: rows.filter((r) => r.blocker === userId).map((r) => r.blocked),
    blockedMe: rows.filter((r) => r.blocked === userId).map((r) => r.blocker),
  };
}

/**
 * Starts a conversation: with one member (no title) their direct conversation, created once per pair
 * and reused; with several, or a title, a new group. Recipients must be approved members whose name
 * the sender may see (the directory's rule), and nobody blocked by or blocking the sender.
 */
export async function startConversation(input: {
  senderId: string;
  recipientIds: string[];
  title?: string;
  body: string;
  files: CheckedFile[];
  /** The sender's files kept from a message sent back (lib/messages/pending-attachments.ts). */
  pending?: PendingAttachment[];
}): Promise<Posted> {
  requireContent(input);
  const recipientIds = [...new Set(input.recipientIds)].filter((id) => id !== input.senderId);
  if (recipientIds.length === 0)
    throw new AppError({ code: "invalid", message: "recipientRequired", field: "to" });
  const db = await getDb();
  const found = rowsOf<{ id: string }>(
    await db.execute(sql`
      SELECT u.id FROM users u JOIN profiles p ON p.user_id = u.id
      WHERE u.id IN (${sql.join(
        recipientIds.map((id) => sql`${id}`),
        sql`, `,
      )}) AND u.status = 'approved' AND p.vis_name <= 1`),
  );
  if (found.length !== recipientIds.length) {
    throw new AppError({ code: "invalid", message: "recipientUnknown", field: "to" });
  }
  const { iBlocked, blockedMe } = await blockedPairs(db, input.senderId, recipientIds);
  if (iBlocked.length > 0)
    throw new AppError({ code: "forbidden", message: "youBlockedRecipient", field: "to" });
  if (blockedMe.length > 0)
    throw new AppError({ code: "forbidden", message: "recipientUnavailable", field: "to" });

  const direct = recipientIds.length === 1 && !input.title;
  if (direct) {
    const directKey = [input.senderId, recipientIds[0]].sort().join(":");
    for (let attempt = 0; attempt < 2; attempt++) {
      const [existing] = await db
        .select({ id: conversations.id })
        .from(conversations)
        .where(eq(conversations.directKey, directKey))
        .limit(1);
      if (existing) {
        return sendMessage({
          senderId: input.senderId,
          conversationId: existing.id,
          body: input.body,
          files: input.files,
          pending: input.pending,
        });
      }
      try {
        return await db.transaction(async (tx) => {
          const [conversation] = await tx
            .insert(conversations)
            .values({ kind: "direct", directKey, createdById: input.senderId })
            .returning({ id: conversations.id });
          const id = conversation!.id;
          await tx.insert(conversationParticipants).values(newParticipants(id, input.senderId, recipientIds));
          return postMessage(tx, {
            conversationId: id,
            kind: "direct",
            title: null,
            senderId: input.senderId,
            body: input.body,
            files: input.files,
            pending: input.pending,
          });
        });
      } catch (error) {
        // The other member started it at the same moment: use theirs.
        const code =
          (error as { code?: string; cause?: { code?: string } }).code ??
          (error as { cause?: { code?: string } }).cause?.code;
        if (code !== "23505" || attempt > 0) throw error;
      }
    }
  }
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .insert(conversations)
      .values({ kind: "group", title: input.title ?? null, createdById: input.senderId })
      .returning({ id: conversations.id });
    const id = conversation!.id;
    await tx.insert(conversationParticipants).values(newParticipants(id, input.senderId, recipientIds));
    return postMessage(tx, {
      conversationId: id,
      kind: "group",
      title: input.title ?? null,
      senderId: input.senderId,
      body: input.body,
      files: input.files,
      pending: input.pending,
    });
  });
}

async function loadParticipation(db: Executor, conversationId: string, userId: string) {
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

/** A new message in a conversation the sender takes part in; in a direct one, not across a block. */
export async function sendMessage(input: {
  senderId: string;
  conversationId: string;
  body: string;
  files: CheckedFile[];
  /** The sender's files kept from a message sent back (lib/messages/pending-attachments.ts). */
  pending?: PendingAttachment[];
}): Promise<Posted> {
  requireContent(input);
  const db = await getDb();
  const conversation = await loadParticipation(db, input.conversationId, input.senderId);
  if (!conversation) throw notFound();
  if (conversation.kind === "direct") {
    const others = await db
      .select({ id: conversationParticipants.userId, status: users.status })
      .from(conversationParticipants)
      .innerJoin(users, eq(users.id, conversationParticipants.userId))
      .where(
        and(
          eq(conversationParticipants.conversationId, input.conversationId),
          sql`${conversationParticipants.userId} <> ${input.senderId}`,
        ),
      );
    // A deleted or blocked account reads nothing: writing to it would only pile up.
    if (others.some((o) => o.status !== "approved"))
      throw new AppError({ code: "forbidden", message: "recipientGone" });
    const { iBlocked, blockedMe } = await blockedPairs(
      db,
      input.senderId,
      others.map((o) => o.id),
    );
    if (iBlocked.length > 0) throw new AppError({ code: "forbidden", message: "youBlockedRecipient" });
    if (blockedMe.length > 0) throw new AppError({ code: "forbidden", message: "recipientUnavailable" });
  }
  return db.transaction((tx) =>
    postMessage(tx, {
      conversationId: input.conversationId,
      kind: conversation.kind,
      title: conversation.title,
      senderId: input.senderId,
      body: input.body,
      files: input.files,
      pending: input.pending,
    }),
  );
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

/** Leaves a group: the member no longer sees it; the others see a note that they left. */
export async function leaveConversation(input: { userId: string; conversationId: string }): Promise<void> {
  const db = await getDb();
  const conversation = await loadParticipation(db, input.conversationId, input.userId);
  if (!conversation) throw notFound();
  if (conversation.kind !== "group") throw new AppError({ code: "invalid", message: "cannotLeaveDirect" });
  await db.transaction(async (tx) => {
    await tx
      .update(conversationParticipants)
      .set({ leftAt: sql`now()`, unreadCount: 0 })
      .where(
        and(
          eq(conversationParticipants.conversationId, input.conversationId),
          eq(conversationParticipants.userId, input.userId),
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

/**
 * The sender removes their own message: the others see that it was removed, never its text or files.
 * Whoever had not read it yet no longer counts it, nor finds it in their notification or its mail.
 */
export async function deleteOwnMessage(input: {
  userId: string;
  messageId: string;
}): Promise<{ conversationId: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [removed] = await removeMessages(
      tx,
      sql`m.id = ${input.messageId} AND m.sender_id = ${input.userId} AND m.kind = 'text'
        AND EXISTS (SELECT 1 FROM conversation_participants p WHERE p.conversation_id = m.conversation_id
          AND p.user_id = ${input.userId} AND p.left_at IS NULL)`,
    );
    if (!removed) throw new AppError({ code: "not_found", message: "messageNotFound" });
    return { conversationId: removed.conversationId };
  });
}

/**
 * Removes the messages `where` picks (alias m) that are not removed yet, for everyone, and takes them
 * back from those who had not read them: their unread count, their notification and its mail.
 */
async function removeMessages(tx: Executor, where: SQL) {
  const rows = rowsOf<{ id: string; conversation_id: string; sender_id: string | null; at: string }>(
    await tx.execute(sql`
      UPDATE messages m SET deleted_at = now() WHERE ${where} AND m.deleted_at IS NULL
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

/**
 * Blocks a member: they can no longer write to the blocker directly or start a conversation with
 * them, and the blocker no longer sees their messages (nor is notified or mailed about them).
 */
export async function blockMember(input: { blockerId: string; blockedId: string }): Promise<void> {
  if (input.blockerId === input.blockedId)
    throw new AppError({ code: "invalid", message: "cannotBlockSelf" });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(memberBlocks)
      .values({ blockerId: input.blockerId, blockedId: input.blockedId })
      .onConflictDoNothing()
      .returning({ id: memberBlocks.blockedId });
    if (inserted.length === 0) return;
    await recountUnreadWith(tx, input.blockerId, input.blockedId);
    // What they already caused is not shown or mailed any more.
    await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(notifications.recipientId, input.blockerId),
          eq(notifications.actorId, input.blockedId),
          isNull(notifications.readAt),
        ),
      );
  });
}

export async function unblockMember(input: { blockerId: string; blockedId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .delete(memberBlocks)
      .where(and(eq(memberBlocks.blockerId, input.blockerId), eq(memberBlocks.blockedId, input.blockedId)));
    await recountUnreadWith(tx, input.blockerId, input.blockedId);
  });
}

/** Unread counts of the member's conversations shared with `other`, counting only senders they see. */
const recountUnreadWith = (tx: Executor, userId: string, other: string) =>
  recountUnread(
    tx,
    sql`p.user_id = ${userId} AND p.left_at IS NULL
      AND EXISTS (SELECT 1 FROM conversation_participants o WHERE o.conversation_id = p.conversation_id AND o.user_id = ${other})`,
  );

/** Recounts the unread messages of the participations `where` picks (alias p), only senders they see. */
async function recountUnread(tx: Executor, where: SQL) {
  await tx.execute(sql`
    UPDATE conversation_participants p SET unread_count = (
      SELECT count(*) FROM messages m
      WHERE m.conversation_id = p.conversation_id AND m.created_at > p.last_read_at AND m.kind = 'text'
        AND m.deleted_at IS NULL AND m.sender_id IS DISTINCT FROM p.user_id
        AND NOT EXISTS (SELECT 1 FROM member_blocks b WHERE b.blocker_id = p.user_id AND b.blocked_id = m.sender_id))
    WHERE ${where}`);
}

/** The message if the member may see it now (participant, sender not blocked, not removed). */
export async function findVisibleMessage(input: { userId: string; messageId: string }) {
  const db = await getDb();
  const rows = rowsOf<{ id: string; conversation_id: string; sender_id: string | null }>(
    await db.execute(sql`
      SELECT m.id, m.conversation_id, m.sender_id FROM messages m
      JOIN conversation_participants p ON p.conversation_id = m.conversation_id
        AND p.user_id = ${input.userId} AND p.left_at IS NULL
      WHERE m.id = ${input.messageId} AND m.deleted_at IS NULL AND m.kind = 'text'
        AND NOT EXISTS (SELECT 1 FROM member_blocks b WHERE b.blocker_id = ${input.userId} AND b.blocked_id = m.sender_id)
      LIMIT 1`),
  );
  return rows[0] ?? null;
}

/**
 * Moderation: a coordinator hides or deletes (removed for everyone, taken back from who had not read
 * it, as when its sender deletes it) or restores a reported message (unread again for who had not).
 */
export async function setMessageRemoved(input: { messageId: string; removed: boolean }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (input.removed) {
      await removeMessages(tx, sql`m.id = ${input.messageId}`);
      return;
    }
    const [restored] = await tx
      .update(messages)
      .set({ deletedAt: null })
      .where(and(eq(messages.id, input.messageId), isNotNull(messages.deletedAt)))
      .returning({ conversationId: messages.conversationId });
    if (restored) {
      await recountUnread(tx, sql`p.conversation_id = ${restored.conversationId} AND p.left_at IS NULL`);
    }
  });
}
