import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { adminWorksThere } from "@/lib/organisations/works-at";
import type { EventViewer } from "./access";

/**
 * Of these events, those whose online link, kept for attendees, this viewer gets: people who said yes
 * to a date (not waiting), whoever created the event and the organising organisation's admins (as on
 * the event page), every event for coordinators. One query.
 */
export async function eventsWithOnlineLink(viewer: EventViewer, eventIds: string[]): Promise<Set<string>> {
  if (!viewer || eventIds.length === 0) return new Set();
  if (viewer.coordinator) return new Set(eventIds);
  const db = await getDb();
  const rows = await db.execute(sql`select e.id from events e
    where e.id in ${eventIds} and (
      e.created_by_id = ${viewer.id}
      or exists (select 1 from event_rsvps r join event_occurrences o on o.id = r.occurrence_id
        where o.event_id = e.id and r.user_id = ${viewer.id} and r.response = 'yes' and r.waiting_since is null)
      or exists (select 1 from organisation_admins where organisation_admins.organisation_id = e.organiser_organisation_id
        and organisation_admins.user_id = ${viewer.id} and ${adminWorksThere}))`);
  return new Set(rowsOf<{ id: string }>(rows).map((r) => r.id));
}
