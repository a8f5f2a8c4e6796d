import "server-only";
import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { Cursor } from "@/db/cursor";
import { memberBlocks, notificationPreferences, notifications, type Role, users } from "@/db/schema";
import { unreadConversationsCount } from "@/lib/messages/data";
import {
  DEFAULT_DIGEST_HOUR,
  type EmailMode,
  emailModeOf,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from "./kinds";
import { type NotificationReader, stillVisibleTo } from "./visibility";

export const NOTIFICATIONS_PAGE_SIZE = 20;

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  url: string;
  params: Record<string, string>;
  count: number;
  actorName: string | null;
  createdAt: Date;
  readAt: Date | null;
};

/**
 * The member's notifications, newest first, by keyset ("older than this one"), without those caused
 * by a member they blocked or about what they may no longer see.
 */
export async function listNotifications(input: {
  reader: NotificationReader;
  before?: Cursor | null;
  limit?: number;
}): Promise<{ items: NotificationItem[]; next: Cursor | null }> {
  const db = await getDb();
  const limit = input.limit ?? NOTIFICATIONS_PAGE_SIZE;
  const before = input.before;
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      url: notifications.url,
      params: notifications.params,
      count: notifications.count,
      actorName: users.name,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      at: sql<string>`${notifications.createdAt}::text`,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(
      and(
        eq(notifications.recipientId, input.reader.id),
        // Nothing from someone the member has blocked, not even what came before the block.
        sql`not exists (select 1 from ${memberBlocks} b
          where b.blocker_id = ${notifications.recipientId} and b.blocked_id = ${notifications.actorId})`,
        stillVisibleTo(input.reader),
        before
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (${before.at}::timestamptz, ${before.id})`
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(({ at: _, ...item }) => item);
  const last = rows[limit - 1];
  return { items, next: rows.length > limit && last ? { at: last.at, id: last.id } : null };
}

/**
 * Unread notifications the list shows, counted up to 100 (the badge shows "99+"): one index range,
 * never a full count.
 */
const unreadNotificationsCount = (reader: NotificationReader): SQL<number> =>
  sql<number>`(SELECT count(*)::int FROM (SELECT 1 FROM ${notifications} WHERE recipient_id = ${reader.id} AND read_at IS NULL AND ${stillVisibleTo(reader)} LIMIT 100) AS unread)`;

/**
 * The header's two badges, unread conversations and notifications (each up to 100), in one query.
 * Takes the reader's parts, not the reader, so that React's `cache` finds the second call of a page.
 */
export async function countUnread(
  userId: string,
  role: Role,
): Promise<{ conversations: number; notifications: number }> {
  const db = await getDb();
  const result = await db.execute(
    sql`SELECT ${unreadConversationsCount(userId)} AS conversations, ${unreadNotificationsCount({ id: userId, role })} AS notifications`,
  );
  return (
    rowsOf<{ conversations: number; notifications: number }>(result)[0] ?? {
      conversations: 0,
      notifications: 0,
    }
  );
}

export type NotificationSettings = {
  modes: Record<NotificationKind, EmailMode>;
  digestHour: number;
  tokenVersion: number;
};

export async function getNotificationSettings(userId: string): Promise<NotificationSettings> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .limit(1);
  const modes = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, emailModeOf(row?.modes, kind)]),
  ) as Record<NotificationKind, EmailMode>;
  return { modes, digestHour: row?.digestHour ?? DEFAULT_DIGEST_HOUR, tokenVersion: row?.tokenVersion ?? 1 };
}

/** Whether this notification is the member's and unread (the centre's "mark read" checks it first). */
export async function hasUnreadNotification(input: { userId: string; id: string }): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.id, input.id),
        eq(notifications.recipientId, input.userId),
        isNull(notifications.readAt),
      ),
    )
    .limit(1);
  return Boolean(row);
}
