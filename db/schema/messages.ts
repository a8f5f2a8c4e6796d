import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { uploads } from "./network";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const CONVERSATION_KINDS = ["direct", "group"] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const conversations = pgTable(
  "conversations",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    kind: text("kind").$type<ConversationKind>().notNull(),
    /** Groups only, optional. */
    title: text("title"),
    /** Direct conversations: the two user ids sorted and joined by ":", so a pair has one conversation. */
    directKey: text("direct_key"),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastMessageAt: ts("last_message_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("conversations_direct_key_idx").on(t.directKey)],
);
export type Conversation = typeof conversations.$inferSelect;

/**
 * Membership with each member's own view of the conversation: its unread count and the time of the
 * last message they can see (blocked senders' messages do not count), which orders their list.
 */
export const conversationParticipants = pgTable(
  "conversation_participants",
  {
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: ts("joined_at").notNull().defaultNow(),
    /** Set when the member left a group: they no longer see it. */
    leftAt: ts("left_at"),
    lastReadAt: ts("last_read_at").notNull().defaultNow(),
    unreadCount: integer("unread_count").notNull().default(0),
    lastActivityAt: ts("last_activity_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index("conversation_participants_list_idx")
      .on(t.userId, t.lastActivityAt.desc().nullsFirst(), t.conversationId.desc().nullsFirst())
      .where(sql`left_at IS NULL`),
    index("conversation_participants_unread_idx")
      .on(t.userId)
      .where(sql`left_at IS NULL AND unread_count > 0`),
  ],
);

export const MESSAGE_KINDS = ["text", "left", "joined"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Who removed a message: its sender (final) or a coordinator deciding on a report (restorable). */
export const MESSAGE_REMOVERS = ["author", "moderator"] as const;
export type MessageRemover = (typeof MESSAGE_REMOVERS)[number];

export const messages = pgTable(
  "messages",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    senderId: text("sender_id").references(() => users.id, { onDelete: "set null" }),
    /** "text": a member's message · "left"/"joined": a note that the sender left or joined the group. */
    kind: text("kind").$type<MessageKind>().notNull().default("text"),
    /** Markdown source; rendered and sanitised on display. */
    body: text("body").notNull().default(""),
    createdAt: ts("created_at").notNull().defaultNow(),
    /** Removed by its sender or a coordinator: shown as "deleted", never mailed. */
    deletedAt: ts("deleted_at"),
    /** Set with deleted_at: only a coordinator's removal can be taken back. */
    removedBy: text("removed_by").$type<MessageRemover>(),
  },
  (t) => [
    index("messages_conversation_idx").on(
      t.conversationId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // The dashboard's current week (as on forum_posts).
    index("messages_created_brin").using("brin", t.createdAt),
    check(
      "messages_removed_by_check",
      sql`(${t.deletedAt} IS NULL AND ${t.removedBy} IS NULL) OR (${t.deletedAt} IS NOT NULL AND ${t.removedBy} IN ('author', 'moderator'))`,
    ),
  ],
);
export type Message = typeof messages.$inferSelect;

export const messageAttachments = pgTable(
  "message_attachments",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    messageId: text("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    uploadId: text("upload_id")
      .notNull()
      .references(() => uploads.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
  },
  (t) => [
    index("message_attachments_message_idx").on(t.messageId),
    index("message_attachments_upload_idx").on(t.uploadId),
  ],
);

/** blocker no longer receives messages from blocked, nor sees theirs. */
export const memberBlocks = pgTable(
  "member_blocks",
  {
    blockerId: text("blocker_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    blockedId: text("blocked_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    index("member_blocks_blocked_idx").on(t.blockedId),
  ],
);
