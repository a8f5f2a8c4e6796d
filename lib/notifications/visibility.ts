import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { notifications, type Role } from "@/db/schema";
import { visibleEvents } from "@/lib/events/access";
import { categoryVisible } from "@/lib/forum/visibility";

/** The member a notification list or count is for. */
export type NotificationReader = { id: string; role: Role };

const part = (n: number) => sql`split_part(${notifications.subjectKey}, ':', ${sql.raw(String(n))})`;

/** The forum post with this id (text) is in a category the reader may see. */
const postInVisibleCategory = (reader: NotificationReader, postId: SQL) =>
  sql`exists (select 1 from forum_posts p join forum_threads t on t.id = p.thread_id
    join forum_categories on forum_categories.id = t.category_id
    where p.id = ${postId}::int and ${categoryVisible(reader)})`;

/**
 * SQL over `notifications`: a line the reader may still see. Lines about a forum thread or post, a
 * report on a post, or an event count only while the reader may see that category or event: someone
 * who left a working group no longer finds its threads' and events' titles in the notification centre,
 * nor counted in the header's badge. They come back if the member rejoins. Coordinators and admins see
 * every category and event.
 */
export function stillVisibleTo(reader: NotificationReader): SQL {
  if (reader.role === "coordinator" || reader.role === "admin") return sql`true`;
  return sql`(case ${part(1)}
    when 'thread' then exists (select 1 from forum_threads t
      join forum_categories on forum_categories.id = t.category_id
      where t.id = ${part(2)}::int and ${categoryVisible(reader)})
    when 'post' then ${postInVisibleCategory(reader, part(2))}
    when 'report' then ${part(2)} <> 'post' or ${postInVisibleCategory(reader, part(3))}
    when 'event' then exists (select 1 from events where events.id = ${part(2)}
      and ${visibleEvents({ id: reader.id, coordinator: false })})
    else true end)`;
}
