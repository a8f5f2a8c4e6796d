import "server-only";
import { and, asc, count, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import type { Cursor } from "@/db/cursor";
import { applications, organisations, profiles, users } from "@/db/schema";

export type PendingApplication = {
  id: string;
  name: string | null;
  email: string;
  /** The organisation the profile names; gone when a proposed one was rejected. */
  organisation: string | null;
  organisationProposed: boolean;
  /** What the applicant proposed at sign-up, if they proposed a new organisation. */
  proposedOrganisation: string | null;
  jobFunction: string | null;
  municipality: string | null;
  topics: string[];
  languages: string[];
  locale: string;
  createdAt: Date;
  /** Where the next page starts (db/cursor.ts): exact to the microsecond, which createdAt is not. */
  cursor: Cursor;
};

export const QUEUE_PAGE_SIZE = 20;

export const pendingWhere = (confirmed: boolean): SQL =>
  and(
    eq(applications.status, "pending"),
    eq(users.status, "pending"),
    confirmed ? isNotNull(users.emailVerified) : isNull(users.emailVerified),
  )!;

export async function countPendingApplications({ confirmed }: { confirmed: boolean }): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .where(pendingWhere(confirmed));
  return row?.n ?? 0;
}

/**
 * Applications waiting for a decision, oldest first (or `newestFirst`), a page at a time after the
 * cursor; `confirmed` picks those whose e-mail address is confirmed.
 */
export async function listPendingApplications({
  confirmed,
  after,
  newestFirst = false,
  limit = QUEUE_PAGE_SIZE,
}: {
  confirmed: boolean;
  after?: Cursor | null;
  newestFirst?: boolean;
  limit?: number;
}): Promise<PendingApplication[]> {
  const db = await getDb();
  const order = newestFirst ? desc : asc;
  const afterCursor = after
    ? newestFirst
      ? sql`(${applications.createdAt}, ${applications.id}) < (${after.at}::timestamptz, ${after.id})`
      : sql`(${applications.createdAt}, ${applications.id}) > (${after.at}::timestamptz, ${after.id})`
    : undefined;
  return db
    .select({
      id: applications.id,
      name: users.name,
      email: users.email,
      organisation: organisations.name,
      organisationProposed: sql<boolean>`coalesce(${organisations.status} = 'proposed', false)`,
      proposedOrganisation: applications.proposedOrganisation,
      jobFunction: profiles.jobFunction,
      municipality: profiles.municipality,
      topics: profiles.topics,
      languages: profiles.languages,
      locale: applications.locale,
      createdAt: applications.createdAt,
      at: sql<string>`${applications.createdAt}::text`,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(and(pendingWhere(confirmed), afterCursor))
    .orderBy(order(applications.createdAt), order(applications.id))
    .limit(limit)
    .then((rows) =>
      rows.map(({ at, ...r }) => ({
        ...r,
        topics: r.topics ?? [],
        languages: r.languages ?? [],
        cursor: { at, id: r.id },
      })),
    );
}

export type ApplicationStatusView = {
  status: "pending" | "approved" | "rejected";
  emailConfirmed: boolean;
  createdAt: Date;
  organisation: string | null;
  jobFunction: string | null;
  municipality: string | null;
};

export async function getOwnApplication({
  userId,
}: {
  userId: string;
}): Promise<ApplicationStatusView | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      status: applications.status,
      emailVerified: users.emailVerified,
      createdAt: applications.createdAt,
      organisation: organisations.name,
      jobFunction: profiles.jobFunction,
      municipality: profiles.municipality,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(eq(applications.userId, userId))
    .limit(1);
  if (!row) return null;
  return {
    status: row.status,
    emailConfirmed: row.emailVerified !== null,
    createdAt: row.createdAt,
    // A rejected proposal is deleted: the applicant then has no organisation, not the rejected name.
    organisation: row.organisation,
    jobFunction: row.jobFunction,
    municipality: row.municipality,
  };
}
