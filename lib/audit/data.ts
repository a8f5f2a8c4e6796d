import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { containing } from "@/db/like";
import {
  auditLog,
  campaigns,
  eventOccurrences,
  events,
  forumPosts,
  forumThreads,
  organisations,
  users,
  workingGroups,
} from "@/db/schema";
import { AUDIT_PAGE_SIZE, type AuditFilter } from "./schema";

export type AuditEntry = {
  id: string;
  action: string;
  targetType: string;
  targetId: string | null;
  /** What the target is called now (a person, organisation, campaign, event, thread); null once gone. */
  targetName: string | null;
  /** For a date of an event: when it takes place. */
  targetStartsAt: Date | null;
  /** Where the target's page is, when it has one (see auditTargetHref). */
  targetRef: { slug?: string; eventId?: string; threadId?: number } | null;
  data: Record<string, unknown> | null;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
};

const TZ = "Europe/Berlin";

/**
 * The entry's campaign, event (or date of one) or forum thread is called like the pattern: "Zeitz"
 * finds who cancelled the Zeitz meeting. Each branch is one index lookup for its own type.
 */
const namedLike = (pattern: string) => sql`exists (
  select 1 from campaigns c where ${auditLog.targetType} = 'campaign' and c.id = ${auditLog.targetId}
    and c.title ilike ${pattern}
  union all
  select 1 from events e where ${auditLog.targetType} = 'event' and e.id = ${auditLog.targetId}
    and e.title ilike ${pattern}
  union all
  select 1 from event_occurrences o join events e on e.id = o.event_id
    where ${auditLog.targetType} = 'event_occurrence' and o.id = ${auditLog.targetId} and e.title ilike ${pattern}
  union all
  select 1 from forum_threads t where ${auditLog.targetType} = 'forum_thread' and t.title ilike ${pattern}
    and t.id = case when ${auditLog.targetId} ~ '^[0-9]{1,9}$' then ${auditLog.targetId}::integer end)`;

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
        namedLike(pattern),
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
  const page = db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      personOrOrganisation: sql<string | null>`case ${auditLog.targetType}
        when 'user' then coalesce(${target.name}, ${target.email})
        when 'organisation' then ${organisations.name} end`.as("person_or_organisation"),
      organisationSlug: sql<string | null>`${organisations.slug}`.as("organisation_slug"),
      data: auditLog.data,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorName: sql<string | null>`${actor.name}`.as("actor_name"),
      actorEmail: sql<string | null>`${actor.email}`.as("actor_email"),
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
    .limit(AUDIT_PAGE_SIZE)
    .as("page");
  // Names of the page's other targets, one index lookup per row in the same query. Forum ids are numbers:
  // cast only for their own type and shape (CASE decides before the cast), so no other row can break it.
  const numericId = (type: string) =>
    sql.raw(
      `case when page.target_type = '${type}' and page.target_id ~ '^[0-9]{1,9}$' then page.target_id::integer end`,
    );
  const rows = await db
    .select({
      id: page.id,
      action: page.action,
      targetType: page.targetType,
      targetId: page.targetId,
      personOrOrganisation: page.personOrOrganisation,
      organisationSlug: page.organisationSlug,
      data: page.data,
      createdAt: page.createdAt,
      actorId: page.actorId,
      actorName: page.actorName,
      actorEmail: page.actorEmail,
      campaign: campaigns.title,
      event: events.title,
      eventId: events.id,
      startsAt: eventOccurrences.startsAt,
      thread: forumThreads.title,
      threadId: forumThreads.id,
      threadSlug: forumThreads.slug,
      group: workingGroups.name,
    })
    .from(page)
    .leftJoin(campaigns, and(eq(page.targetType, "campaign"), eq(campaigns.id, page.targetId)))
    .leftJoin(
      eventOccurrences,
      and(eq(page.targetType, "event_occurrence"), eq(eventOccurrences.id, page.targetId)),
    )
    .leftJoin(
      events,
      eq(
        events.id,
        sql`coalesce(${eventOccurrences.eventId}, case when page.target_type = 'event' then page.target_id end)`,
      ),
    )
    .leftJoin(forumPosts, eq(forumPosts.id, numericId("forum_post")))
    .leftJoin(
      forumThreads,
      eq(forumThreads.id, sql`coalesce(${forumPosts.threadId}, ${numericId("forum_thread")})`),
    )
    .leftJoin(workingGroups, and(eq(page.targetType, "working_group"), eq(workingGroups.id, page.targetId)))
    .orderBy(desc(page.createdAt), desc(page.id));
  return rows.map(
    ({
      personOrOrganisation,
      organisationSlug,
      campaign,
      event,
      eventId,
      startsAt,
      thread,
      threadId,
      threadSlug,
      group,
      ...entry
    }) => ({
      ...entry,
      targetName: personOrOrganisation ?? campaign ?? event ?? thread ?? group,
      targetStartsAt: startsAt,
      targetRef: organisationSlug
        ? { slug: organisationSlug }
        : eventId
          ? { eventId }
          : threadId !== null && threadSlug
            ? { threadId, slug: threadSlug }
            : null,
    }),
  );
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
