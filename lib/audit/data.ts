import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { containing } from "@/db/like";
import {
  auditLog,
  campaigns,
  contactImports,
  eventOccurrences,
  events,
  faqCategories,
  faqTranslations,
  forumCategories,
  forumPosts,
  forumThreads,
  messages,
  newsletterContacts,
  organisations,
  reports,
  users,
  videoTranslations,
  workingGroups,
} from "@/db/schema";
import { AUDIT_PAGE_SIZE, type AuditFilter } from "./schema";
import { type AuditReader, keptName, LOOKED_UP, namedLike, withReport } from "./target-data";

export type AuditEntry = {
  id: string;
  action: string;
  targetType: string;
  targetId: string | null;
  /**
   * What the target is called now (a person, organisation, campaign, event, thread, a message's author,
   * FAQ question or category, video, contact's address, import's file), or what its entry kept of it
   * once gone (a removed contact's address); null otherwise or when not the reader's to see.
   */
  targetName: string | null;
  /** The target was looked up by its kind and is not there any more. */
  targetDeleted: boolean;
  /** For a date of an event: when it takes place; for an import: when it was uploaded. */
  targetStartsAt: Date | null;
  /** For an import: how many rows its file has. */
  targetCount: number | null;
  /** Where the target's page is, when it has one (see auditTargetHref). */
  targetRef: { slug?: string; eventId?: string; date?: string; threadId?: number } | null;
  data: Record<string, unknown> | null;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
};

const TZ = "Europe/Berlin";

/** Newest first, paged by keyset: the cursor is the last entry's id, looked up for its exact time. */
export async function listAuditEntries(
  filter: AuditFilter,
  reader: AuditReader = { campaignsArea: false },
): Promise<AuditEntry[]> {
  const db = await getDb();
  const campaignsOnly = (...on: SQL[]) => (reader.campaignsArea ? and(...on) : sql`false`);
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
        namedLike(pattern, reader),
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
  // cast only for their own types and shape (CASE decides before the cast), so no other row can break it.
  const numericId = (...types: string[]) =>
    sql.raw(
      `case when page.target_type in ('${types.join("','")}') and page.target_id ~ '^[0-9]{1,9}$' then page.target_id::integer end`,
    );
  const author = alias(users, "author");
  const rows = await db
    .select({
      id: page.id,
      action: page.action,
      targetType: page.targetType,
      targetId: page.targetId,
      data: page.data,
      createdAt: page.createdAt,
      actorId: page.actorId,
      actorName: page.actorName,
      actorEmail: page.actorEmail,
      // A message is named by its author ('' once the account is gone), never by its text.
      liveName: sql<string | null>`coalesce(${page.personOrOrganisation}, ${campaigns.title}, ${events.title},
        ${forumThreads.title}, ${workingGroups.name}, ${faqTranslations.question}, ${faqCategories.names}->>'de',
        ${videoTranslations.title}, ${newsletterContacts.email}, ${contactImports.filename},
        case when ${messages.id} is not null then coalesce(${author.name}, ${author.email}, '') end)`,
      organisationSlug: page.organisationSlug,
      eventId: events.id,
      startsAt: eventOccurrences.startsAt,
      uploadedAt: contactImports.createdAt,
      slotDate: eventOccurrences.slotDate,
      threadId: forumThreads.id,
      threadSlug: forumThreads.slug,
      uploadRows: contactImports.total,
      report: reports.reason,
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
    .leftJoin(forumPosts, eq(forumPosts.id, numericId("forum_post", "post")))
    .leftJoin(
      forumThreads,
      eq(forumThreads.id, sql`coalesce(${forumPosts.threadId}, ${numericId("forum_thread")})`),
    )
    .leftJoin(workingGroups, and(eq(page.targetType, "working_group"), eq(workingGroups.id, page.targetId)))
    .leftJoin(
      faqTranslations,
      and(
        eq(page.targetType, "faq_entry"),
        eq(faqTranslations.entryId, page.targetId),
        eq(faqTranslations.locale, "de"),
      ),
    )
    .leftJoin(faqCategories, and(eq(page.targetType, "faq_category"), eq(faqCategories.id, page.targetId)))
    .leftJoin(
      videoTranslations,
      and(
        eq(page.targetType, "video"),
        eq(videoTranslations.videoId, page.targetId),
        eq(videoTranslations.locale, "de"),
      ),
    )
    .leftJoin(
      newsletterContacts,
      campaignsOnly(eq(page.targetType, "contact"), eq(newsletterContacts.id, page.targetId)),
    )
    .leftJoin(
      contactImports,
      campaignsOnly(eq(page.targetType, "contact_import"), eq(contactImports.id, page.targetId)),
    )
    .leftJoin(messages, and(eq(page.targetType, "message"), eq(messages.id, page.targetId)))
    .leftJoin(author, eq(author.id, messages.senderId))
    .leftJoin(reports, eq(reports.id, sql`${page.data}->>'reportId'`))
    .orderBy(desc(page.createdAt), desc(page.id));
  return rows.map(
    ({
      liveName,
      organisationSlug,
      eventId,
      startsAt,
      uploadedAt,
      slotDate,
      threadId,
      threadSlug,
      uploadRows,
      report,
      ...entry
    }) => {
      const hidden =
        !reader.campaignsArea && (entry.targetType === "contact" || entry.targetType === "contact_import");
      const deleted =
        liveName === null && !hidden && entry.targetId !== null && LOOKED_UP.has(entry.targetType);
      return {
        ...entry,
        data: report === null ? entry.data : withReport(entry.data, report),
        targetName: liveName ?? (deleted ? keptName(entry.targetType, entry.data) : null),
        targetDeleted: deleted,
        targetStartsAt: startsAt ?? uploadedAt,
        targetCount: uploadRows,
        targetRef: organisationSlug
          ? { slug: organisationSlug }
          : eventId
            ? { eventId, ...(slotDate ? { date: slotDate } : {}) }
            : threadId !== null && threadSlug
              ? { threadId, slug: threadSlug }
              : null,
      };
    },
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

/**
 * Names of what an entry's data mentions by id: people (`userId`; null for a deleted account), forum
 * categories (`categoryId`, a thread moved there) and working groups (`groupId`, a category's group).
 */
export async function listAuditNames(
  entries: { data: Record<string, unknown> | null }[],
): Promise<Map<string, string | null>> {
  const idsOf = (key: string) => [
    ...new Set(entries.map((e) => e.data?.[key]).filter((id): id is string => typeof id === "string")),
  ];
  const lookup = (ids: string[], query: (ids: string[]) => Promise<{ id: string; name: string | null }[]>) =>
    ids.length > 0 ? query(ids) : Promise.resolve([]);
  const db = await getDb();
  const found = await Promise.all([
    lookup(idsOf("userId"), (ids) =>
      db
        .select({
          id: users.id,
          name: sql<string | null>`case when ${users.email} like '%@erased.invalid' then null
            else coalesce(${users.name}, ${users.email}) end`,
        })
        .from(users)
        .where(inArray(users.id, ids)),
    ),
    lookup(idsOf("categoryId"), (ids) =>
      db
        .select({ id: forumCategories.id, name: forumCategories.name })
        .from(forumCategories)
        .where(inArray(forumCategories.id, ids)),
    ),
    lookup(idsOf("groupId"), (ids) =>
      db
        .select({ id: workingGroups.id, name: workingGroups.name })
        .from(workingGroups)
        .where(inArray(workingGroups.id, ids)),
    ),
  ]);
  return new Map(found.flat().map((row) => [row.id, row.name]));
}
