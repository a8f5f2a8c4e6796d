import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { notifications, type Role } from "@/db/schema";
import { visibleEvents } from "@/lib/events/access";
import { categoryVisible } from "@/lib/forum/visibility";

/** The member a notification list or count is for. */
export type NotificationReader = { id: string; role: Role };

const part = (n: number) => sql`split_part(${notifications.subjectKey}, ':', ${sql.raw(String(n))})`;

/**
 * Each check is a scalar subquery of one row found by its key: PostgreSQL may turn an EXISTS here into
 * a hash of every thread (or event) for the whole list, 1–2 ms per header with 5,000 threads, where a
 * lookup per unread line costs microseconds (0.07 → 0.4 ms for 100 unread lines).
 */
const inVisibleCategory = (reader: NotificationReader, from: SQL, id: SQL) =>
  sql`coalesce((select ${categoryVisible(reader)} ${from}
    join forum_categories on forum_categories.id = t.category_id where ${id}), false)`;
const thread = (reader: NotificationReader, id: SQL) =>
  inVisibleCategory(reader, sql`from forum_threads t`, sql`t.id = ${id}::int`);
const post = (reader: NotificationReader, id: SQL) =>
  inVisibleCategory(
    reader,
    sql`from forum_posts p join forum_threads t on t.id = p.thread_id`,
    sql`p.id = ${id}::int`,
  );

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
    when 'thread' then ${thread(reader, part(2))}
    when 'post' then ${post(reader, part(2))}
    when 'report' then ${part(2)} <> 'post' or ${post(reader, part(3))}
    when 'event' then coalesce((select ${visibleEvents({ id: reader.id, coordinator: false })}
      from events where events.id = ${part(2)}), false)
    else true end)`;
}
