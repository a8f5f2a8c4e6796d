import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisations, profiles, users } from "@/db/schema";

export type MemberSummary = {
  id: string;
  name: string | null;
  organisation: string | null;
  jobFunction: string | null;
  municipality: string | null;
  topics: string[];
  languages: string[];
};

const summaryColumns = {
  id: users.id,
  name: users.name,
  organisation: organisations.name,
  jobFunction: profiles.jobFunction,
  municipality: profiles.municipality,
  topics: profiles.topics,
  languages: profiles.languages,
};

const toSummary = (
  r: { topics: string[] | null; languages: string[] | null } & Omit<MemberSummary, "topics" | "languages">,
) => ({
  ...r,
  topics: r.topics ?? [],
  languages: r.languages ?? [],
});

export async function getMemberSummary({ userId }: { userId: string }): Promise<MemberSummary | null> {
  const db = await getDb();
  const [row] = await db
    .select(summaryColumns)
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(eq(users.id, userId))
    .limit(1);
  return row ? toSummary(row) : null;
}

/** The most recently approved members, for members' start page. */
export async function listNewestMembers({ limit }: { limit: number }): Promise<MemberSummary[]> {
  const db = await getDb();
  const rows = await db
    .select(summaryColumns)
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(eq(users.status, "approved"))
    .orderBy(desc(users.approvedAt), desc(users.id))
    .limit(limit);
  return rows.map(toSummary);
}
