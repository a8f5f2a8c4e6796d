import "server-only";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, users } from "@/db/schema";
import { notify } from "@/lib/notifications/mutations";
import type { NotificationSource } from "@/lib/notifications/sources";
import { pendingWhere } from "./data";

export const REMIND_JOB = "applications.remind";
/** How long a confirmed application may wait before the coordinators are reminded. */
export const REMIND_AFTER_MS = 2 * 24 * 3_600_000;
const SUBJECT = "applications:waiting";
const COORDINATOR_ROLES = ["coordinator", "admin"] as const;

/** Confirmed applications waiting for a decision since before `now` minus two days (since confirmation). */
export async function countOverdueApplications(now = new Date()): Promise<number> {
  const db = await getDb();
  const since = new Date(now.getTime() - REMIND_AFTER_MS);
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .where(
      and(
        pendingWhere(true),
        sql`coalesce(${users.emailVerified}, ${applications.createdAt}) < ${since.toISOString()}::timestamptz`,
      ),
    );
  return row?.n ?? 0;
}

/**
 * The coordinators' reminder (a scheduled job, weekday mornings): while confirmed applications wait
 * longer than two days, every coordinator and admin gets a notification that links to the queue,
 * mailed as they chose. Returns how many applications are overdue.
 */
export async function remindCoordinators(now = new Date()): Promise<number> {
  const overdue = await countOverdueApplications(now);
  if (overdue === 0) return 0;
  const db = await getDb();
  const coordinators = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, [...COORDINATOR_ROLES]), eq(users.status, "approved")));
  await notify({
    recipientIds: coordinators.map((c) => c.id),
    kind: "applications_waiting",
    actorId: null,
    url: "/admin/signups",
    subjectKey: SUBJECT,
    params: { waiting: String(overdue) },
  });
  return overdue;
}

/** No reminder mail once the recipient is no coordinator any more or nothing is overdue. */
export const applicationsNotificationSource: NotificationSource = {
  async canSee({ recipientId }) {
    const db = await getDb();
    const [recipient] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, recipientId), inArray(users.role, [...COORDINATOR_ROLES])))
      .limit(1);
    return Boolean(recipient) && (await countOverdueApplications()) > 0;
  },
};
