import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { plainExcerpt } from "@/lib/markdown/plain";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { usersWhoCanSee, usersWhoMayReadPost } from "./notify";

/** At most this many posts are quoted in one mail, each at most this long (plain text). */
const QUOTED_POSTS = 5;
const EXCERPT_LENGTH = 300;

const threadOf = (subjectKey: string) => Number(subjectKey.slice("thread:".length));
const postNumberOf = (url: string) => Number(/#post-(\d+)$/.exec(url)?.[1] ?? Number.NaN);

/** What the post says in its own words: the quotes of others it starts with are left out. */
const ownWords = (body: string) => {
  const own = body
    .split("\n")
    .filter((line) => !/^\s*>/.test(line))
    .join("\n");
  return plainExcerpt(own.trim() ? own : body, EXCERPT_LENGTH);
};

/**
 * Tells the mailer whether a thread's notification may still go out: only while the recipient may
 * see the thread and has not seen it all: a visible post after the last one they read, or the thread
 * not read since the notification (an edit naming them in a post they had read). Nothing for a thread
 * read since; a hidden or deleted post is taken out of its notifications (withdrawItem).
 */
export const forumNotificationSource = {
  async canSee({
    recipientId,
    subjectKey,
    since,
  }: {
    recipientId: string;
    subjectKey: string;
    since: Date;
  }): Promise<boolean> {
    const threadId = threadOf(subjectKey);
    if (!Number.isInteger(threadId)) return false;
    const db = await getDb();
    const [thread] = rowsOf<{ category_id: string }>(
      await db.execute(sql`select t.category_id from forum_threads t
        left join forum_read_state r on r.thread_id = t.id and r.user_id = ${recipientId}
        where t.id = ${threadId} and t.status = 'visible'
          and (r.updated_at is null or r.updated_at < ${since.toISOString()}::timestamptz
            or exists (select 1 from forum_posts p where p.thread_id = t.id and p.status = 'visible'
              and p.number > r.last_read_number))`),
    );
    return thread !== undefined && (await usersWhoCanSee(db, [recipientId], thread.category_id)).length > 0;
  },

  /**
   * The posts the mail is about, as they read now (called right after canSee): those a line lists or,
   * for a line without its list, the post it leads to and its author's posts before it that the
   * recipient has not read and no earlier mail quoted. Only visible posts in a visible thread, never
   * by someone the recipient blocked.
   */
  async excerpts({
    recipientId,
    subjectKey,
    params,
    items,
  }: {
    recipientId: string;
    subjectKey: string;
    params: Record<string, string>[];
    items: { kind: NotificationKind; actorId: string | null; url: string; count: number }[];
  }) {
    const threadId = threadOf(subjectKey);
    if (!Number.isInteger(threadId)) return [];
    const db = await getDb();
    const quoted = new Map<number, { author: string | null; text: string }>();
    for (const [index, item] of items.entries()) {
      const number = postNumberOf(item.url);
      if ((item.kind !== "mention" && item.kind !== "reply") || !item.actorId || !Number.isInteger(number))
        continue;
      // A line that lists its posts (lib/forum/notify.ts) is about exactly those.
      const listed = (params[index]?.items ?? "").split(" ").map(postNumberOf).filter(Number.isInteger);
      const which =
        listed.length > 0
          ? sql`p.number in ${listed}`
          : sql`(p.number = ${number} OR (p.number < ${number}
              AND p.number > coalesce((SELECT r.last_read_number FROM forum_read_state r
                WHERE r.thread_id = p.thread_id AND r.user_id = ${recipientId}), 0)
              AND p.created_at > coalesce((SELECT max(n.email_claimed_at) FROM notifications n
                WHERE n.recipient_id = ${recipientId} AND n.subject_key = ${subjectKey}
                  AND n.email_status = 'sent'), '-infinity')))`;
      const rows = rowsOf<{ number: number; author: string | null; body: string }>(
        await db.execute(sql`
          SELECT p.number, u.name AS author, left(p.body, 4000) AS body
          FROM forum_posts p
          JOIN forum_threads t ON t.id = p.thread_id AND t.status = 'visible'
          LEFT JOIN users u ON u.id = p.author_id
          WHERE p.thread_id = ${threadId} AND p.author_id = ${item.actorId} AND p.status = 'visible'
            AND NOT EXISTS (SELECT 1 FROM member_blocks b WHERE b.blocker_id = ${recipientId} AND b.blocked_id = p.author_id)
            AND ${which}
          ORDER BY p.number DESC LIMIT ${Math.min(Math.max(item.count, 1), QUOTED_POSTS)}`),
      );
      for (const row of rows)
        quoted.set(Number(row.number), { author: row.author, text: ownWords(row.body) });
    }
    return [...quoted.entries()]
      .sort(([a], [b]) => a - b)
      .slice(-QUOTED_POSTS)
      .map(([, excerpt]) => excerpt)
      .filter((excerpt) => excerpt.text);
  },
};

/**
 * Tells the mailer whether a moderation decision on a member's own post ("post:<id>") may still go
 * out: only while they may read the post's category.
 */
export const forumPostNotificationSource = {
  async canSee({ recipientId, subjectKey }: { recipientId: string; subjectKey: string }): Promise<boolean> {
    const postId = Number(subjectKey.slice("post:".length));
    return (await usersWhoMayReadPost(await getDb(), [recipientId], postId)).length > 0;
  },
};
