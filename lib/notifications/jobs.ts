import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { type Notification, notificationPreferences, notifications, users } from "@/db/schema";
import { sendDigestMail, sendNotificationMail } from "@/emails/notification";
import { isLocale, TIME_ZONE } from "@/lib/i18n/config";
import { sendJob } from "@/lib/jobs/queue";
import type { JobHandler, JobSchedule } from "@/lib/jobs/types";
import { DEFAULT_DIGEST_HOUR, emailModeOf, subjectArea } from "./kinds";
import { DELIVER_JOB } from "./mutations";
import { notificationSources } from "./sources";

export const DIGEST_JOB = "notifications.digest";
export const DIGEST_HOURLY_JOB = "notifications.digest-hourly";
export const SWEEP_JOB = "notifications.sweep";

/** A claimed mail that was neither sent nor released (crash) is claimed again after this long. */
const LEASE = sql`interval '15 minutes'`;

type Recipient = {
  id: string;
  email: string;
  name: string | null;
  locale: string;
  status: string;
  modes: Record<string, string> | null;
  tokenVersion: number | null;
};

async function loadRecipient(userId: string): Promise<Recipient | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      status: users.status,
      modes: notificationPreferences.modes,
      tokenVersion: notificationPreferences.tokenVersion,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

/** Claims the rows (a lease), so two jobs never mail the same notification. */
async function claim(where: ReturnType<typeof sql>): Promise<Notification[]> {
  const db = await getDb();
  const claimed = rowsOf<{ id: string }>(
    await db.execute(sql`
      UPDATE ${notifications} SET email_status = 'sending', email_claimed_at = now()
      WHERE ${where}
      RETURNING id`),
  );
  if (claimed.length === 0) return [];
  return db
    .select()
    .from(notifications)
    .where(
      inArray(
        notifications.id,
        claimed.map((r) => r.id),
      ),
    )
    .orderBy(notifications.createdAt);
}

async function setStatus(ids: string[], status: "pending" | "digest" | "sent" | "skipped") {
  if (ids.length === 0) return;
  const db = await getDb();
  await db
    .update(notifications)
    .set({
      emailStatus: status,
      // A sent row keeps its claim time: the mail was composed after it (see the message excerpts).
      ...(status === "sent" ? { emailedAt: new Date() } : { emailClaimedAt: null }),
    })
    .where(inArray(notifications.id, ids));
}

/** Drops what must not be mailed: already read, or no longer visible to the recipient. */
async function stillWanted(recipient: Recipient, rows: Notification[]): Promise<Notification[]> {
  if (recipient.status !== "approved") return [];
  const unread = rows.filter((row) => !row.readAt);
  const newest = new Map<string, number>();
  for (const row of unread)
    newest.set(row.subjectKey, Math.max(newest.get(row.subjectKey) ?? 0, row.createdAt.getTime()));
  const visible = new Set<string>();
  for (const [subjectKey, at] of newest) {
    const source = notificationSources[subjectArea(subjectKey)];
    if (!source || (await source.canSee({ recipientId: recipient.id, subjectKey, since: new Date(at) })))
      visible.add(subjectKey);
  }
  return unread.filter((row) => visible.has(row.subjectKey));
}

async function excerptsFor(recipient: Recipient, rows: Notification[]) {
  const first = rows[0];
  if (!first) return [];
  const source = notificationSources[subjectArea(first.subjectKey)];
  if (!source?.excerpts) return [];
  return source.excerpts({
    recipientId: recipient.id,
    locale: recipient.locale,
    subjectKey: first.subjectKey,
    params: rows.map((r) => r.params),
    items: rows.map((r) => ({ kind: r.kind, actorId: r.actorId, url: r.url, count: r.count })),
  });
}

/**
 * One mail for a burst on one subject (the job starts when the burst's first mail is due); retried
 * with backoff when SMTP fails.
 */
export async function deliverNotificationMail(data: {
  recipientId: string;
  subjectKey: string;
}): Promise<void> {
  const rows = await claim(sql`recipient_id = ${data.recipientId} AND subject_key = ${data.subjectKey}
    AND (email_status = 'pending'
      OR (email_status = 'sending' AND email_claimed_at < now() - ${LEASE}))`);
  if (rows.length === 0) return;
  const recipient = await loadRecipient(data.recipientId);
  if (!recipient) return;

  // The member may have changed their mind since: off drops it, digest moves it there.
  const toDigest = rows.filter((r) => emailModeOf(recipient.modes as never, r.kind) === "digest");
  const off = rows.filter((r) => emailModeOf(recipient.modes as never, r.kind) === "off");
  const immediate = rows.filter((r) => emailModeOf(recipient.modes as never, r.kind) === "immediate");
  await setStatus(
    toDigest.filter((r) => !r.readAt).map((r) => r.id),
    "digest",
  );
  await setStatus(
    [...off, ...toDigest.filter((r) => r.readAt)].map((r) => r.id),
    "skipped",
  );

  const wanted = await stillWanted(recipient, immediate);
  const wantedIds = new Set(wanted.map((r) => r.id));
  await setStatus(
    immediate.filter((r) => !wantedIds.has(r.id)).map((r) => r.id),
    "skipped",
  );
  if (wanted.length === 0) return;
  try {
    await sendNotificationMail({
      to: recipient.email,
      locale: isLocale(recipient.locale) ? recipient.locale : "de",
      userId: recipient.id,
      tokenVersion: recipient.tokenVersion ?? 1,
      items: await mailItems(wanted),
      excerpts: await excerptsFor(recipient, wanted),
    });
  } catch (error) {
    // Released for the retry pg-boss schedules (backoff); nothing is lost or sent twice.
    await setStatus([...wantedIds], "pending");
    throw error;
  }
  await setStatus([...wantedIds], "sent");
}

async function mailItems(rows: Notification[]) {
  const db = await getDb();
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => Boolean(id)))];
  const actors =
    actorIds.length > 0
      ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds))
      : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({
    kind: r.kind,
    url: r.url,
    params: r.params,
    count: r.count,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    createdAt: r.createdAt,
  }));
}

/** The daily digest of one member: everything waiting for it that they have not seen and may still see. */
export async function deliverDigest(data: { userId: string }): Promise<void> {
  const rows = await claim(sql`recipient_id = ${data.userId}
    AND (email_status = 'digest' OR (email_status = 'sending' AND email_due_at IS NULL AND email_claimed_at < now() - ${LEASE}))`);
  if (rows.length === 0) return;
  const recipient = await loadRecipient(data.userId);
  if (!recipient) return;
  const inDigest = rows.filter((r) => emailModeOf(recipient.modes as never, r.kind) !== "off");
  const wanted = await stillWanted(recipient, inDigest);
  const wantedIds = new Set(wanted.map((r) => r.id));
  await setStatus(
    rows.filter((r) => !wantedIds.has(r.id)).map((r) => r.id),
    "skipped",
  );
  if (wanted.length > 0) {
    try {
      await sendDigestMail({
        to: recipient.email,
        locale: isLocale(recipient.locale) ? recipient.locale : "de",
        userId: recipient.id,
        tokenVersion: recipient.tokenVersion ?? 1,
        items: await mailItems(wanted),
      });
    } catch (error) {
      await setStatus([...wantedIds], "digest");
      throw error;
    }
    await setStatus([...wantedIds], "sent");
  }
  const db = await getDb();
  await db
    .update(notificationPreferences)
    .set({ lastDigestAt: new Date() })
    .where(eq(notificationPreferences.userId, data.userId));
}

/** The hour (0–23) in Europe/Berlin at this moment. */
export function berlinHour(at: Date): number {
  const hour = new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    hour: "numeric",
    hourCycle: "h23",
  }).format(at);
  return Number.parseInt(hour, 10);
}

/**
 * Every hour: a digest job for each member whose chosen hour (Europe/Berlin) it is and who has
 * something waiting; also for anyone whose digest was missed for more than a day (worker was down).
 */
export async function scheduleDigests(data: { at?: string } = {}): Promise<void> {
  const at = data.at ? new Date(data.at) : new Date();
  const hour = berlinHour(at);
  const db = await getDb();
  const due = rowsOf<{ recipient_id: string }>(
    await db.execute(sql`
      SELECT DISTINCT n.recipient_id FROM ${notifications} n
      LEFT JOIN ${notificationPreferences} p ON p.user_id = n.recipient_id
      WHERE n.email_status = 'digest'
        AND (coalesce(p.digest_hour, ${DEFAULT_DIGEST_HOUR}) = ${hour}
          OR n.created_at < ${at.toISOString()}::timestamptz - interval '26 hours')
      LIMIT 10000`),
  );
  const day = at.toISOString().slice(0, 13);
  for (const row of due) {
    await sendJob(DIGEST_JOB, { userId: row.recipient_id }, { singletonKey: `${row.recipient_id}|${day}` });
  }
}

/** Every minute: mail that is overdue (its job was lost, or enqueued by a transaction that died). */
export async function sweepNotificationMail(): Promise<void> {
  const db = await getDb();
  const overdue = rowsOf<{ recipient_id: string; subject_key: string }>(
    await db.execute(sql`
      SELECT DISTINCT recipient_id, subject_key FROM ${notifications}
      WHERE (email_status = 'pending' AND email_due_at < now() - interval '2 minutes')
         OR (email_status = 'sending' AND email_due_at IS NOT NULL AND email_claimed_at < now() - ${LEASE})
      LIMIT 1000`),
  );
  for (const row of overdue) {
    await sendJob(
      DELIVER_JOB,
      { recipientId: row.recipient_id, subjectKey: row.subject_key },
      { singletonKey: `${row.recipient_id}|${row.subject_key}` },
    );
  }
}

export const notificationJobs: Record<string, JobHandler> = {
  [DELIVER_JOB]: deliverNotificationMail,
  [DIGEST_JOB]: deliverDigest,
  [DIGEST_HOURLY_JOB]: scheduleDigests,
  [SWEEP_JOB]: sweepNotificationMail,
};

export const notificationSchedules: JobSchedule[] = [
  { name: DIGEST_HOURLY_JOB, cron: "0 * * * *" },
  { name: SWEEP_JOB, cron: "* * * * *" },
];
