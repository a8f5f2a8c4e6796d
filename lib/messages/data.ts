import "server-only";
import { and, eq, isNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { Cursor } from "@/db/cursor";
import { conversationParticipants, conversations, notifications } from "@/db/schema";
import type { ConversationKind, MessageKind, MessageRemover } from "@/db/schema/messages";
import { alphabetical } from "@/db/search-fields";
import { CONVERSATIONS_PAGE_SIZE, MESSAGES_PAGE_SIZE } from "./constants";

export type ConversationListItem = {
  id: string;
  kind: ConversationKind;
  title: string | null;
  /** The other current participants' names (at most 4), sorted. */
  names: string[];
  memberCount: number;
  unreadCount: number;
  lastActivityAt: Date;
  last: {
    senderName: string | null;
    senderId: string | null;
    kind: MessageKind;
    body: string;
    deleted: boolean;
    removedBy: MessageRemover | null;
  } | null;
};

type ListRow = {
  id: string;
  kind: ConversationKind;
  title: string | null;
  unread_count: number;
  activity: string | Date;
  at: string;
  names: string[] | string | null;
  member_count: number;
  last_body: string | null;
  last_kind: MessageKind | null;
  last_deleted: string | Date | null;
  last_removed_by: MessageRemover | null;
  last_sender_id: string | null;
  last_sender_name: string | null;
};

const parseJsonList = (value: string[] | string | null): string[] =>
  Array.isArray(value) ? value : value ? (JSON.parse(value) as string[]) : [];

/** The viewer's conversations, most recent activity first, by keyset. */
export async function listConversations(input: {
  userId: string;
  before?: Cursor | null;
  limit?: number;
}): Promise<{ items: ConversationListItem[]; next: Cursor | null }> {
  const db = await getDb();
  const limit = input.limit ?? CONVERSATIONS_PAGE_SIZE;
  const { userId, before } = input;
  const rows = rowsOf<ListRow>(
    await db.execute(sql`
      SELECT c.id, c.kind, c.title, p.unread_count, p.last_activity_at AS activity,
        p.last_activity_at::text AS at,
        (SELECT coalesce(json_agg(x.name), '[]'::json) FROM (
          SELECT coalesce(u.name, '') AS name FROM conversation_participants op
          JOIN users u ON u.id = op.user_id
          WHERE op.conversation_id = c.id AND op.user_id <> ${userId} AND op.left_at IS NULL
          ORDER BY ${alphabetical(sql`u.name`)} LIMIT 4) x) AS names,
        (SELECT count(*)::int FROM conversation_participants op
          WHERE op.conversation_id = c.id AND op.left_at IS NULL) AS member_count,
        lm.body AS last_body, lm.kind AS last_kind, lm.deleted_at AS last_deleted,
        lm.removed_by AS last_removed_by,
        lm.sender_id AS last_sender_id, su.name AS last_sender_name
      FROM conversation_participants p
      JOIN conversations c ON c.id = p.conversation_id
      LEFT JOIN LATERAL (
        SELECT m.body, m.kind, m.deleted_at, m.removed_by, m.sender_id FROM messages m
        WHERE m.conversation_id = p.conversation_id
          AND NOT EXISTS (SELECT 1 FROM member_blocks b WHERE b.blocker_id = ${userId} AND b.blocked_id = m.sender_id)
        ORDER BY m.created_at DESC, m.id DESC LIMIT 1
      ) lm ON true
      LEFT JOIN users su ON su.id = lm.sender_id
      WHERE p.user_id = ${userId} AND p.left_at IS NULL
        ${before ? sql`AND (p.last_activity_at, p.conversation_id) < (${before.at}::timestamptz, ${before.id})` : sql``}
      ORDER BY p.last_activity_at DESC, p.conversation_id DESC
      LIMIT ${limit + 1}`),
  );
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    names: parseJsonList(r.names),
    memberCount: Number(r.member_count),
    unreadCount: Number(r.unread_count),
    lastActivityAt: new Date(r.activity),
    last: r.last_kind
      ? {
          senderName: r.last_sender_name,
          senderId: r.last_sender_id,
          kind: r.last_kind,
          body: r.last_body ?? "",
          deleted: r.last_deleted !== null,
          removedBy: r.last_removed_by,
        }
      : null,
  }));
  const last = rows[limit - 1];
  return { items, next: rows.length > limit && last ? { at: last.at, id: last.id } : null };
}

/** Conversations with unread messages, up to 100: the header badge (one partial-index range). */
/** Conversations with unread messages, counted up to 100, as an SQL expression (the header's counts). */
export const unreadConversationsCount = (userId: string): SQL<number> => sql<number>`(
    SELECT count(*)::int FROM (
      SELECT 1 FROM conversation_participants
      WHERE user_id = ${userId} AND left_at IS NULL AND unread_count > 0 LIMIT 100) AS unread)`;

export type Participant = {
  id: string;
  name: string | null;
  /** Still a member of the network: not deleted or blocked by the coordinators. */
  member: boolean;
  blockedByViewer: boolean;
  hasBlockedViewer: boolean;
};

export type ConversationView = {
  id: string;
  kind: ConversationKind;
  title: string | null;
  participants: Participant[];
  lastReadAt: Date;
  unreadCount: number;
  /** Something came since the viewer last read it (or is counted unread), or a notification about it is unread. */
  unread: boolean;
};

/** A conversation's notifications share this subject key (a burst of messages becomes one). */
export const conversationSubject = (conversationId: string) => `conversation:${conversationId}`;

/** The participant has something to mark read: messages counted unread, or one since they last read. */
export const hasUnread = (lastMessageAt: SQLWrapper): SQL<boolean> =>
  sql<boolean>`(${conversationParticipants.unreadCount} > 0 or ${conversationParticipants.lastReadAt} < ${lastMessageAt})`;

/** The conversation if the viewer takes part in it now; anyone else (admins too) gets null. */
export async function getConversationForParticipant(input: {
  conversationId: string;
  userId: string;
}): Promise<ConversationView | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: conversations.id,
      kind: conversations.kind,
      title: conversations.title,
      lastReadAt: conversationParticipants.lastReadAt,
      unreadCount: conversationParticipants.unreadCount,
      // or a notification about it is still unread (one from before the viewer answered, say)
      unread: sql<boolean>`(${hasUnread(conversations.lastMessageAt)} or exists (select 1 from ${notifications}
        where ${notifications.recipientId} = ${input.userId} and ${notifications.readAt} is null
          and ${notifications.subjectKey} = ${conversationSubject(input.conversationId)}))`,
    })
    .from(conversationParticipants)
    .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
    .where(
      and(
        eq(conversationParticipants.conversationId, input.conversationId),
        eq(conversationParticipants.userId, input.userId),
        isNull(conversationParticipants.leftAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  const people = rowsOf<{
    id: string;
    name: string | null;
    member: boolean;
    blocked: boolean;
    blocks_me: boolean;
  }>(
    await db.execute(sql`
      SELECT u.id, u.name, u.status = 'approved' AS member,
        EXISTS (SELECT 1 FROM member_blocks b WHERE b.blocker_id = ${input.userId} AND b.blocked_id = u.id) AS blocked,
        EXISTS (SELECT 1 FROM member_blocks b WHERE b.blocker_id = u.id AND b.blocked_id = ${input.userId}) AS blocks_me
      FROM conversation_participants p JOIN users u ON u.id = p.user_id
      WHERE p.conversation_id = ${input.conversationId} AND p.left_at IS NULL AND p.user_id <> ${input.userId}
      ORDER BY ${alphabetical(sql`u.name`)}, u.id`),
  );
  return {
    ...row,
    participants: people.map((p) => ({
      id: p.id,
      name: p.name,
      member: Boolean(p.member),
      blockedByViewer: Boolean(p.blocked),
      hasBlockedViewer: Boolean(p.blocks_me),
    })),
  };
}

export type AttachmentView = { id: string; fileName: string; contentType: string; byteSize: number };

export type MessageView = {
  id: string;
  conversationId: string;
  senderId: string | null;
  senderName: string | null;
  kind: MessageKind;
  body: string;
  createdAt: Date;
  deleted: boolean;
  /** Who removed it, once removed: its sender or a coordinator. */
  removedBy: MessageRemover | null;
  attachments: AttachmentView[];
};

type MessageRow = {
  id: string;
  sender_id: string | null;
  sender_name: string | null;
  kind: MessageKind;
  body: string;
  created_at: string | Date;
  at: string;
  deleted_at: string | Date | null;
  removed_by: MessageRemover | null;
  attachments: AttachmentView[];
};

/**
 * One page of a conversation the viewer takes part in (check that first), newest page first: the
 * messages come oldest first for reading; `older` continues backwards. Blocked senders are left out.
 */
export async function listMessages(input: {
  conversationId: string;
  viewerId: string;
  before?: Cursor | null;
  limit?: number;
}): Promise<{ items: MessageView[]; older: Cursor | null }> {
  const db = await getDb();
  const limit = input.limit ?? MESSAGES_PAGE_SIZE;
  const { before } = input;
  // Attachments come as JSON in the same query: one round trip for the page.
  const rows = rowsOf<MessageRow>(
    await db.execute(sql`
      SELECT m.id, m.sender_id, u.name AS sender_name, m.kind, m.body, m.created_at,
        m.created_at::text AS at, m.deleted_at, m.removed_by,
        (SELECT coalesce(json_agg(json_build_object('id', a.id, 'fileName', a.file_name,
            'contentType', a.content_type, 'byteSize', a.byte_size) ORDER BY a.file_name), '[]'::json)
          FROM message_attachments a WHERE a.message_id = m.id) AS attachments
      FROM messages m LEFT JOIN users u ON u.id = m.sender_id
      WHERE m.conversation_id = ${input.conversationId}
        AND NOT EXISTS (SELECT 1 FROM member_blocks b WHERE b.blocker_id = ${input.viewerId} AND b.blocked_id = m.sender_id)
        ${before ? sql`AND (m.created_at, m.id) < (${before.at}::timestamptz, ${before.id})` : sql``}
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT ${limit + 1}`),
  );
  const page = rows.slice(0, limit);
  const items = page
    .map((r) => {
      const deleted = r.deleted_at !== null;
      return {
        id: r.id,
        conversationId: input.conversationId,
        senderId: r.sender_id,
        senderName: r.sender_name,
        kind: r.kind,
        body: deleted ? "" : r.body,
        createdAt: new Date(r.created_at),
        deleted,
        removedBy: r.removed_by,
        attachments: deleted ? [] : r.attachments,
      };
    })
    .reverse();
  const last = rows[limit - 1];
  return { items, older: rows.length > limit && last ? { at: last.at, id: last.id } : null };
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
