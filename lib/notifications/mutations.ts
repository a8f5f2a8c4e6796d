import "server-only";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb, rowsOf } from "@/db/client";
import { memberBlocks, notificationPreferences, notifications, users } from "@/db/schema";
import { env } from "@/lib/env";
import { deferJob, sendJob } from "@/lib/jobs/queue";
import { emailModeOf, type NotificationKind } from "./kinds";

export type NotifyInput = {
  recipientIds: string[];
  kind: NotificationKind;
  actorId: string | null;
  /** Site-relative link to the item ("/forum/t/…#p-…"). */
  url: string;
  /** Groups a burst: "thread:<id>", "conversation:<id>", "event:<id>" … */
  subjectKey: string;
  /** Filled into messages `notifications.kinds.<kind>`: `title` (the item's title), optional `excerpt`. */
  params: Record<string, string>;
  /** Mailed without the burst delay (a date within the next two days changed). */
  urgent?: boolean;
  /**
   * The line keeps the links of the events it stands for (params.items, oldest first, space-separated),
   * so one of them can be taken out again (withdrawItem).
   */
  itemized?: boolean;
};

export const DELIVER_JOB = "notifications.deliver";

const mailDelayMs = () => env.NOTIFY_MAIL_DELAY_SECONDS * 1000;

/**
 * One in-app notification per recipient (never the actor, never someone who blocked the actor, only
 * approved members), and their e-mail per their settings: an immediate mail waits a moment so a burst
 * becomes one mail; an unread, not yet mailed notification by the same actor on the same subject
 * absorbs the next one (count + 1) instead of adding a line. Pass the caller's transaction as `tx` to commit both together.
 */
export async function notify(input: NotifyInput, tx?: Executor): Promise<void> {
  const ids = [...new Set(input.recipientIds)].filter((id) => id && id !== input.actorId);
  if (ids.length === 0) return;
  const db = tx ?? (await getDb());

  const recipients = await db
    .select({ id: users.id, modes: notificationPreferences.modes })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(
      and(
        inArray(users.id, ids),
        eq(users.status, "approved"),
        input.actorId
          ? sql`NOT EXISTS (SELECT 1 FROM ${memberBlocks} WHERE ${memberBlocks.blockerId} = ${users.id} AND ${memberBlocks.blockedId} = ${input.actorId})`
          : undefined,
      ),
    );
  if (recipients.length === 0) return;

  // A burst: the actor's unread line on this subject that is not mailed yet takes the new event (one
  // line per actor, so blocking someone hides exactly their lines; the mail still goes per subject).
  const absorbed = rowsOf<{ recipient_id: string }>(
    await db.execute(sql`
      UPDATE ${notifications}
      SET count = count + 1, url = ${input.url},
          -- "was:" params say what the recipient knew before the burst: the first one stays.
          params = ${JSON.stringify(input.params)}::jsonb || COALESCE(
            (SELECT jsonb_object_agg(key, value) FROM jsonb_each(params) WHERE key LIKE 'was:%'), '{}'::jsonb)
          ${input.itemized ? sql`|| jsonb_build_object('items', concat_ws(' ', params->>'items', ${input.url}::text))` : sql``},
          created_at = now()
      WHERE recipient_id IN (${sql.join(
        recipients.map((r) => sql`${r.id}`),
        sql`, `,
      )})
        AND kind = ${input.kind} AND subject_key = ${input.subjectKey}
        AND actor_id IS NOT DISTINCT FROM ${input.actorId}
        AND read_at IS NULL AND email_status IN ('none', 'pending', 'digest')
      RETURNING recipient_id`),
  );
  const done = new Set(absorbed.map((r) => r.recipient_id));

  const now = Date.now();
  const dueAt = new Date(input.urgent ? now : now + mailDelayMs());
  const fresh = recipients
    .filter((r) => !done.has(r.id))
    .map((r) => {
      const mode = emailModeOf(r.modes, input.kind);
      return {
        recipientId: r.id,
        actorId: input.actorId,
        kind: input.kind,
        url: input.url,
        subjectKey: input.subjectKey,
        params: input.itemized ? { ...input.params, items: input.url } : input.params,
        emailStatus:
          mode === "immediate"
            ? ("pending" as const)
            : mode === "digest"
              ? ("digest" as const)
              : ("none" as const),
        emailDueAt: mode === "immediate" ? dueAt : null,
      };
    });
  if (fresh.length > 0) await db.insert(notifications).values(fresh);

  const mailNow = fresh.filter((row) => row.emailStatus === "pending").map((row) => row.recipientId);
  if (mailNow.length === 0) return;
  const send = () =>
    Promise.all(
      mailNow.map((recipientId) =>
        sendJob(
          DELIVER_JOB,
          { recipientId, subjectKey: input.subjectKey },
          // A job may not run before the caller's transaction has committed: at least 2 s.
          {
            startAfter: new Date(Math.max(dueAt.getTime(), now + 2000)),
            singletonKey: `${recipientId}|${input.subjectKey}`,
          },
        ),
      ),
    );
  if (!tx) {
    await send();
    return;
  }
  // Inside a transaction the job is sent once it is over (PGlite has one connection, which the
  // transaction holds). Should the process die in between, the sweep job finds the due mail.
  deferJob(send);
}

/** Marks one of the viewer's notifications read; false when it is not theirs. */
export async function markNotificationRead(input: { userId: string; id: string }): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, input.id), eq(notifications.recipientId, input.userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllNotificationsRead(input: { userId: string }): Promise<number> {
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.recipientId, input.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * The member has seen this subject (opened the conversation or thread): its notifications count as
 * read, so no mail goes out for them. Areas call this from their page loaders.
 */
export async function markSubjectRead(
  input: { userId: string; subjectKey: string; kinds?: NotificationKind[] },
  tx?: Executor,
): Promise<void> {
  const db = tx ?? (await getDb());
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.recipientId, input.userId),
        eq(notifications.subjectKey, input.subjectKey),
        isNull(notifications.readAt),
        input.kinds ? inArray(notifications.kind, input.kinds) : undefined,
      ),
    );
}

/** Removes every notification about something that is gone (a hidden thread, a cancelled conversation). */
export async function retractNotifications(
  input: { subjectKey: string; recipientIds?: string[] },
  tx?: Executor,
): Promise<void> {
  const db = tx ?? (await getDb());
  await db
    .delete(notifications)
    .where(
      and(
        eq(notifications.subjectKey, input.subjectKey),
        input.recipientIds ? inArray(notifications.recipientId, input.recipientIds) : undefined,
      ),
    );
}

/** A subject has a new title (a renamed event): its lines, and the mails still to go out, name it anew. */
export async function retitleNotifications(input: { subjectKey: string; title: string }, tx?: Executor) {
  const db = tx ?? (await getDb());
  await db
    .update(notifications)
    .set({ params: sql`${notifications.params} || jsonb_build_object('title', ${input.title}::text)` })
    .where(and(eq(notifications.subjectKey, input.subjectKey), sql`${notifications.params} ? 'title'`));
}

/**
 * One item of a subject is gone (a hidden post): each line standing for it (an itemized line that
 * lists its link; a line without a list when it leads there) loses it. A link is known by its
 * `#anchor`, which names the item within its subject, so a link whose other parts changed since (a
 * renamed thread's address) still matches. A line left with nothing goes; one that stood for more
 * counts one fewer and, if it led there, leads to its last item left.
 */
export async function withdrawItem(
  input: { subjectKey: string; anchor: string },
  tx?: Executor,
): Promise<void> {
  const db = tx ?? (await getDb());
  const anchorOf = (link: SQL) => sql`split_part(${link}, '#', 2)`;
  const items = sql`string_to_array(${notifications.params}->>'items', ' ')`;
  const left = sql`coalesce((SELECT array_agg(i ORDER BY n) FROM unnest(${items}) WITH ORDINALITY AS u(i, n)
    WHERE ${anchorOf(sql`i`)} <> ${input.anchor}), '{}')`;
  const holds = sql`EXISTS (SELECT 1 FROM unnest(${items}) AS i WHERE ${anchorOf(sql`i`)} = ${input.anchor})`;
  const leadsThere = sql`${anchorOf(sql`${notifications.url}`)} = ${input.anchor}`;
  await db.delete(notifications).where(
    and(
      eq(notifications.subjectKey, input.subjectKey),
      sql`CASE WHEN ${notifications.params}->>'items' IS NOT NULL THEN ${holds} AND cardinality(${left}) = 0
          ELSE ${leadsThere} END`,
    ),
  );
  await db
    .update(notifications)
    .set({
      count: sql`greatest(${notifications.count} - 1, 1)`,
      params: sql`jsonb_set(${notifications.params}, '{items}', to_jsonb(array_to_string(${left}, ' ')))`,
      url: sql`CASE WHEN ${leadsThere} THEN (${left})[cardinality(${left})] ELSE ${notifications.url} END`,
    })
    .where(and(eq(notifications.subjectKey, input.subjectKey), holds));
}

/**
 * One event of a burst is gone (a message deleted before it was read). The unread line that took it
 * (per recipient, the first by that actor created at or after it: an absorbing line moves its time
 * forward) counts one fewer, or goes when it was its only one; if it led there it leads to `previousUrl`.
 */
export async function withdrawFromNotifications(
  input: {
    subjectKey: string;
    kind: NotificationKind;
    actorId: string;
    /** When the event happened, as PostgreSQL's timestamptz text (full precision). */
    at: string;
    url: string;
    previousUrl: string | null;
  },
  tx?: Executor,
): Promise<void> {
  const db = tx ?? (await getDb());
  const took = rowsOf<{ id: string; count: number }>(
    await db.execute(sql`
      SELECT id, count FROM (
        SELECT DISTINCT ON (recipient_id) id, count, read_at FROM ${notifications}
        WHERE subject_key = ${input.subjectKey} AND kind = ${input.kind} AND actor_id = ${input.actorId}
          AND created_at >= ${input.at}::timestamptz
        ORDER BY recipient_id, created_at, id) first_after
      WHERE read_at IS NULL`),
  );
  const gone = took.filter((row) => Number(row.count) <= 1).map((row) => row.id);
  const fewer = took.filter((row) => Number(row.count) > 1).map((row) => row.id);
  if (gone.length > 0) await db.delete(notifications).where(inArray(notifications.id, gone));
  if (fewer.length > 0) {
    await db
      .update(notifications)
      .set({
        count: sql`${notifications.count} - 1`,
        url: sql`CASE WHEN ${notifications.url} = ${input.url} THEN coalesce(${input.previousUrl}, ${notifications.url}) ELSE ${notifications.url} END`,
      })
      .where(inArray(notifications.id, fewer));
  }
}
