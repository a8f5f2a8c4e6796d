import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { adminWorksThere } from "@/lib/organisations/works-at";
import type { EventViewer } from "./access";

/** Whoever created the event, or an admin of the organising organisation who works there (alias `e`). */
const runsEvent = (viewerId: string) => sql`(e.created_by_id = ${viewerId}
  or exists (select 1 from organisation_admins where organisation_admins.organisation_id = e.organiser_organisation_id
    and organisation_admins.user_id = ${viewerId} and ${adminWorksThere}))`;

/**
 * Of these events, those whose online link, kept for attendees, this viewer gets: people who said yes
 * (not waiting) to a date held at the event's place, whoever created the event and the organising
 * organisation's admins (as on the event page), every event for coordinators. One query.
 */
export async function eventsWithOnlineLink(viewer: EventViewer, eventIds: string[]): Promise<Set<string>> {
  if (!viewer || eventIds.length === 0) return new Set();
  if (viewer.coordinator) return new Set(eventIds);
  const db = await getDb();
  const rows = await db.execute(sql`select e.id from events e
    where e.id in ${eventIds} and (${runsEvent(viewer.id)}
      or exists (select 1 from event_rsvps r join event_occurrences o on o.id = r.occurrence_id
        where o.event_id = e.id and o.format is null
          and r.user_id = ${viewer.id} and r.response = 'yes' and r.waiting_since is null))`);
  return new Set(rowsOf<{ id: string }>(rows).map((r) => r.id));
}

/**
 * Of these dates with a link of their own, those whose link this viewer gets: the date's attendees
 * (yes, not waiting) and those who run the event. One query.
 */
export async function datesWithOnlineLink(
  viewer: EventViewer,
  occurrenceIds: string[],
): Promise<Set<string>> {
  if (!viewer || occurrenceIds.length === 0) return new Set();
  if (viewer.coordinator) return new Set(occurrenceIds);
  const db = await getDb();
  const rows = await db.execute(sql`select o.id from event_occurrences o join events e on e.id = o.event_id
    where o.id in ${occurrenceIds} and (${runsEvent(viewer.id)}
      or exists (select 1 from event_rsvps r where r.occurrence_id = o.id
        and r.user_id = ${viewer.id} and r.response = 'yes' and r.waiting_since is null))`);
  return new Set(rowsOf<{ id: string }>(rows).map((r) => r.id));
}
