import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { usersWhoCanSee } from "./mutations";

/**
 * Tells the mailer whether a thread's notification may still go out: only while the recipient may
 * see the thread and it has a visible post they have not read (nothing for a deleted or hidden post,
 * nor for a thread read since).
 */
export const forumNotificationSource = {
  async canSee({ recipientId, subjectKey }: { recipientId: string; subjectKey: string }): Promise<boolean> {
    const threadId = Number(subjectKey.slice("thread:".length));
    if (!Number.isInteger(threadId)) return false;
    const db = await getDb();
    const [thread] = rowsOf<{ category_id: string }>(
      await db.execute(sql`select t.category_id from forum_threads t
        where t.id = ${threadId} and t.status = 'visible'
          and exists (select 1 from forum_posts p where p.thread_id = t.id and p.status = 'visible'
            and p.number > coalesce((select r.last_read_number from forum_read_state r
              where r.thread_id = t.id and r.user_id = ${recipientId}), 0))`),
    );
    return thread !== undefined && (await usersWhoCanSee(db, [recipientId], thread.category_id)).length > 0;
  },
};
