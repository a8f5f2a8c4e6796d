import "server-only";
import { sql } from "drizzle-orm";
import { auditLog } from "@/db/schema";

/** Kinds whose target is looked up by id, so a missing one has been deleted since. */
export const LOOKED_UP = new Set([
  "campaign",
  "event",
  "event_occurrence",
  "forum_thread",
  "working_group",
  "faq_entry",
  "faq_category",
  "video",
  "contact",
  "contact_import",
  "message",
]);

/** What an entry keeps of a target that is deleted with it (a removed contact's address), by kind. */
const KEPT_NAME: Record<string, string> = { contact: "email" };

/** The name an entry recorded for its target, for when the target is gone. */
export function keptName(type: string, data: Record<string, unknown> | null): string | null {
  const key = KEPT_NAME[type];
  const value = key ? data?.[key] : undefined;
  return typeof value === "string" && value ? value : null;
}

/**
 * A moderation entry's data with the report's reason in place of its id: what the reporter told the
 * coordinators, who alone read the log and the queue, never the reported text itself.
 */
export function withReport(data: Record<string, unknown> | null, reason: string) {
  const { reportId: _, ...rest } = data ?? {};
  return { report: reason, ...rest };
}

/**
 * Whom the log is read by. Contacts and imports are named only for someone who may see them in the
 * campaigns area (`campaigns.manage`); otherwise they stay a kind and an id, and the filter ignores them.
 */
export type AuditReader = { campaignsArea: boolean };

/**
 * The entry's campaign, event (or date of one), forum thread (or post in it), message (its author),
 * report (its reason), FAQ entry (its German question) or category (its German name), video
 * (its German title), contact (also a removed one, by what its entry kept) or import is called like the
 * pattern: "Zeitz" finds who cancelled the Zeitz meeting. Each branch is one index lookup for its own type.
 */
export const namedLike = (pattern: string, reader: AuditReader) =>
  sql`exists (
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
    and t.id = case when ${auditLog.targetId} ~ '^[0-9]{1,9}$' then ${auditLog.targetId}::integer end
  union all
  select 1 from forum_posts p join forum_threads t on t.id = p.thread_id
    where ${auditLog.targetType} in ('forum_post', 'post') and t.title ilike ${pattern}
    and p.id = case when ${auditLog.targetId} ~ '^[0-9]{1,9}$' then ${auditLog.targetId}::integer end
  union all
  select 1 from messages m join users u on u.id = m.sender_id
    where ${auditLog.targetType} = 'message' and m.id = ${auditLog.targetId} and u.name ilike ${pattern}
  union all
  select 1 from reports r where r.id = ${auditLog.data}->>'reportId' and r.reason ilike ${pattern}
  union all
  select 1 from faq_translations f where ${auditLog.targetType} = 'faq_entry' and f.entry_id = ${auditLog.targetId}
    and f.locale = 'de' and f.question ilike ${pattern}
  union all
  select 1 from faq_categories k where ${auditLog.targetType} = 'faq_category' and k.id = ${auditLog.targetId}
    and k.names->>'de' ilike ${pattern}
  union all
  select 1 from video_translations v where ${auditLog.targetType} = 'video' and v.video_id = ${auditLog.targetId}
    and v.locale = 'de' and v.title ilike ${pattern}
  ${
    reader.campaignsArea
      ? sql`union all
  select 1 from newsletter_contacts n where ${auditLog.targetType} = 'contact' and n.id = ${auditLog.targetId}
    and (n.email ilike ${pattern} or n.name ilike ${pattern})
  union all
  select 1 where ${auditLog.targetType} = 'contact'
    and (${auditLog.data}->>'email' ilike ${pattern} or ${auditLog.data}->>'name' ilike ${pattern})
  union all
  select 1 from contact_imports i where ${auditLog.targetType} = 'contact_import' and i.id = ${auditLog.targetId}
    and i.filename ilike ${pattern}`
      : sql``
  })`;
