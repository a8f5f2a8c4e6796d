import "server-only";
import { and, asc, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { containing } from "@/db/like";
import {
  auditLog,
  organisationAdmins,
  organisations,
  profileOrganisations,
  profiles,
  type Role,
  sessions,
  userErasures,
  users,
} from "@/db/schema";
import { USER_PAGE_SIZE, type UserFilter, type UserFilterStatus } from "./schema";

export type UserListItem = {
  id: string;
  name: string | null;
  email: string | null;
  role: Role;
  status: UserFilterStatus;
  organisation: string | null;
  createdAt: Date;
};

function filterWhere(filter: UserFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.q) {
    const pattern = containing(filter.q);
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.status === "deleted") conditions.push(isNotNull(userErasures.userId));
  else if (filter.status) conditions.push(and(eq(users.status, filter.status), isNull(userErasures.userId)));
  return and(...conditions);
}

/** People for the admin list, newest first, paged by keyset (the cursor is the last row's id). */
export async function listUsers(filter: UserFilter): Promise<UserListItem[]> {
  const db = await getDb();
  const after = filter.after
    ? sql`(${users.createdAt}, ${users.id}) < (select u.created_at, u.id from users u where u.id = ${filter.after})`
    : undefined;
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      erased: userErasures.userId,
      organisation: organisations.name,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(userErasures, eq(userErasures.userId, users.id))
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(and(filterWhere(filter), after))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(USER_PAGE_SIZE);
  return rows.map(({ erased, ...r }) => ({
    ...r,
    status: erased ? "deleted" : r.status,
    name: erased ? null : r.name,
    email: erased ? null : r.email,
  }));
}

export async function countUsers(filter: Omit<UserFilter, "after">): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .leftJoin(userErasures, eq(userErasures.userId, users.id))
    .where(filterWhere(filter));
  return row?.n ?? 0;
}

export type UserDetail = UserListItem & {
  locale: string;
  emailVerified: Date | null;
  approvedAt: Date | null;
  /** While blocked: the status unblocking gives back. */
  statusBeforeBlock: "pending" | "approved" | "rejected" | null;
  invitedBy: string | null;
  invited: boolean;
  sessionCount: number;
  erasedAt: Date | null;
};

/** One person for the admin detail page, or null. */
export async function getUserDetail({ userId }: { userId: string }): Promise<UserDetail | null> {
  const db = await getDb();
  const inviter = sql<
    string | null
  >`(select coalesce(i.name, i.email) from users i where i.id = ${users.invitedById})`;
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      locale: users.locale,
      emailVerified: users.emailVerified,
      approvedAt: users.approvedAt,
      statusBeforeBlock: users.statusBeforeBlock,
      createdAt: users.createdAt,
      invitedById: users.invitedById,
      invitedBy: inviter,
      organisation: organisations.name,
      erasedAt: userErasures.erasedAt,
      sessionCount: sql<number>`(select count(*)::int from ${sessions} s where s.user_id = ${users.id} and s.expires > now())`,
    })
    .from(users)
    .leftJoin(userErasures, eq(userErasures.userId, users.id))
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const { invitedById, ...rest } = row;
  const erased = row.erasedAt !== null;
  return {
    ...rest,
    status: erased ? "deleted" : row.status,
    name: erased ? null : row.name,
    email: erased ? null : row.email,
    invited: invitedById !== null,
  };
}

/** The latest audit entries about one person, for their detail page. */
export async function listUserAuditEntries({ userId, limit = 10 }: { userId: string; limit?: number }) {
  const db = await getDb();
  return db
    .select({ id: auditLog.id, action: auditLog.action, createdAt: auditLog.createdAt, actor: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, userId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}
export type UserAuditEntry = Awaited<ReturnType<typeof listUserAuditEntries>>[number];

/** Whether an invited person has never signed in (Auth.js marks the address verified on first sign-in). */
export const mayResendInvitation = (u: Pick<UserDetail, "invited" | "emailVerified" | "status">) =>
  u.invited && u.emailVerified === null && u.status === "approved";

export type UserOrganisation = { id: string; slug: string; name: string; main: boolean; admin: boolean };

/** Where a person works, the main organisation first, each with whether they hold its admin flag. */
export async function listUserOrganisations({ userId }: { userId: string }): Promise<UserOrganisation[]> {
  const db = await getDb();
  const admin = sql<boolean>`exists (select 1 from ${organisationAdmins} oa
    where oa.user_id = ${userId} and oa.organisation_id = ${organisations.id})`;
  const columns = { id: organisations.id, slug: organisations.slug, name: organisations.name, admin };
  const [main, further] = await Promise.all([
    db
      .select(columns)
      .from(profiles)
      .innerJoin(organisations, eq(organisations.id, profiles.organisationId))
      .where(eq(profiles.userId, userId)),
    db
      .select(columns)
      .from(profileOrganisations)
      .innerJoin(organisations, eq(organisations.id, profileOrganisations.organisationId))
      .where(eq(profileOrganisations.userId, userId))
      .orderBy(asc(profileOrganisations.position)),
  ]);
  return [...main.map((o) => ({ ...o, main: true })), ...further.map((o) => ({ ...o, main: false }))];
}
