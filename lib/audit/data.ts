import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { containing } from "@/db/like";
import { auditLog, organisations, users } from "@/db/schema";
import { AUDIT_PAGE_SIZE, type AuditFilter } from "./schema";

export type AuditEntry = {
  id: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetName: string | null;
  /** For an organisation: the address of its page. */
  targetSlug: string | null;
  data: Record<string, unknown> | null;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
};

const TZ = "Europe/Berlin";

/** Newest first, paged by keyset: the cursor is the last entry's id, looked up for its exact time. */
export async function listAuditEntries(filter: AuditFilter): Promise<AuditEntry[]> {
  const db = await getDb();
  const actor = alias(users, "actor");
  const target = alias(users, "target");
  const conditions: (SQL | undefined)[] = [];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actor) {
    const pattern = containing(filter.actor);
    conditions.push(or(ilike(actor.name, pattern), ilike(actor.email, pattern)));
  }
  if (filter.target) {
    const pattern = containing(filter.target);
    conditions.push(
      or(
        eq(auditLog.targetId, filter.target),
        ilike(target.name, pattern),
        ilike(target.email, pattern),
        ilike(organisations.name, pattern),
      ),
    );
  }
  if (filter.from)
    conditions.push(sql`${auditLog.createdAt} >= (${filter.from}::timestamp at time zone ${TZ})`);
  if (filter.to)
    conditions.push(
      sql`${auditLog.createdAt} < ((${filter.to}::timestamp + interval '1 day') at time zone ${TZ})`,
    );
  if (filter.after)
    conditions.push(
      sql`(${auditLog.createdAt}, ${auditLog.id}) < (select a.created_at, a.id from audit_log a where a.id = ${filter.after})`,
    );
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      targetName: sql<
        string | null
      >`case ${auditLog.targetType} when 'user' then coalesce(${target.name}, ${target.email})
        when 'organisation' then ${organisations.name} end`,
      targetSlug: organisations.slug,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorName: actor.name,
      actorEmail: actor.email,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .leftJoin(target, and(eq(auditLog.targetType, "user"), eq(target.id, auditLog.targetId)))
    .leftJoin(
      organisations,
      and(eq(auditLog.targetType, "organisation"), eq(organisations.id, auditLog.targetId)),
    )
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE);
}

/** The actions that occur in the log, for the filter's choices. */
export async function listAuditActions(): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(asc(auditLog.action))
    .limit(200);
  return rows.map((r) => r.action);
}

/** Names of the people an entry's data mentions (`userId`); null for a deleted account. */
export async function listAuditPeople(entries: { data: Record<string, unknown> | null }[]) {
  const ids = [
    ...new Set(entries.map((e) => e.data?.userId).filter((id): id is string => typeof id === "string")),
  ];
  const names = new Map<string, string | null>();
  if (ids.length === 0) return names;
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, ids));
  for (const row of rows)
    names.set(row.id, row.email.endsWith("@erased.invalid") ? null : (row.name ?? row.email));
  return names;
}
