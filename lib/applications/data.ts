import "server-only";
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { applications, organisations, profiles, users } from "@/db/schema";

export type PendingApplication = {
  id: string;
  name: string | null;
  email: string;
  organisation: string | null;
  proposedOrganisation: string | null;
  jobFunction: string | null;
  municipality: string | null;
  topics: string[];
  languages: string[];
  locale: string;
  createdAt: Date;
};

/** Applications waiting for a decision; `confirmed` picks those whose e-mail address is confirmed. */
export async function listPendingApplications({
  confirmed,
}: {
  confirmed: boolean;
}): Promise<PendingApplication[]> {
  const db = await getDb();
  return db
    .select({
      id: applications.id,
      name: users.name,
      email: users.email,
      organisation: organisations.name,
      proposedOrganisation: applications.proposedOrganisation,
      jobFunction: profiles.jobFunction,
      municipality: profiles.municipality,
      topics: profiles.topics,
      languages: profiles.languages,
      locale: applications.locale,
      createdAt: applications.createdAt,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.userId))
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(
      and(
        eq(applications.status, "pending"),
        eq(users.status, "pending"),
        confirmed ? isNotNull(users.emailVerified) : isNull(users.emailVerified),
      ),
    )
    .orderBy(asc(applications.createdAt))
    .limit(200)
    .then((rows) => rows.map((r) => ({ ...r, topics: r.topics ?? [], languages: r.languages ?? [] })));
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
      proposedOrganisation: applications.proposedOrganisation,
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
    organisation: row.organisation ?? row.proposedOrganisation,
    jobFunction: row.jobFunction,
    municipality: row.municipality,
  };
}
