import "server-only";
import { and, asc, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  type EventFormat,
  type EventFrequency,
  type EventVisibility,
  eventOccurrences,
  eventRsvps,
  events,
  organisations,
  profiles,
  users,
} from "@/db/schema";
import { type EventViewer, visibleEvents } from "./access";
import { organiserPerson } from "./data";
import { datePlaceColumns } from "./place-sql";

export const EVENTS_PAGE_SIZE = 20;
const DAY = 24 * 3_600_000;

export type EventFilters = {
  when: "upcoming" | "past";
  topic?: string;
  language?: string;
  municipality?: string;
  format?: EventFormat;
  /** Keyset cursor: `<startsAt ISO>_<occurrence id>` of the last row shown. */
  after?: string;
};

export type EventListItem = {
  occurrenceId: string;
  eventId: string;
  slotDate: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  format: EventFormat;
  venue: string | null;
  municipality: string | null;
  languages: string[];
  topic: string | null;
  frequency: EventFrequency;
  visibility: EventVisibility;
  /** The organisation, else the person if the viewer may see their name (else `organiserWithheld`). */
  organiser: string | null;
  organiserWithheld: boolean;
  capacity: number | null;
  going: number;
};

const goingCount = sql<number>`(select count(*) from ${eventRsvps} where ${eventRsvps.occurrenceId} = ${eventOccurrences.id} and ${eventRsvps.response} = 'yes' and ${eventRsvps.waitingSince} is null)`;

export function parseCursor(after: string | undefined): { at: Date; id: string } | null {
  const match = after?.match(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z)_([\w-]{1,64})$/);
  return match ? { at: new Date(match[1]!), id: match[2]! } : null;
}

/** Dates of the events the viewer may see, soonest first (or latest first for past ones), a page at a time. */
export async function listEvents(input: {
  viewer: EventViewer;
  filters: EventFilters;
  now?: Date;
  limit?: number;
}): Promise<{ items: EventListItem[]; nextAfter: string | null }> {
  const db = await getDb();
  const { filters } = input;
  const now = input.now ?? new Date();
  const limit = input.limit ?? EVENTS_PAGE_SIZE;
  const upcoming = filters.when === "upcoming";
  const cursor = parseCursor(filters.after);
  const where: (SQL | undefined)[] = [
    visibleEvents(input.viewer),
    // Dates last less than a day: the bound on starts_at lets the (starts_at, id) index do the work.
    upcoming
      ? and(gte(eventOccurrences.endsAt, now), gte(eventOccurrences.startsAt, new Date(now.getTime() - DAY)))
      : and(lt(eventOccurrences.endsAt, now), lt(eventOccurrences.startsAt, now)),
    filters.topic ? eq(events.topic, filters.topic) : undefined,
    filters.language ? sql`${events.languages} @> array[${filters.language}]::text[]` : undefined,
    // A date with a place of its own is found by its own municipality.
    filters.municipality ? sql`${datePlaceColumns.municipality} = ${filters.municipality}` : undefined,
    filters.format ? sql`${datePlaceColumns.format} = ${filters.format}` : undefined,
    cursor
      ? upcoming
        ? sql`(${eventOccurrences.startsAt}, ${eventOccurrences.id}) > (${cursor.at.toISOString()}::timestamptz, ${cursor.id})`
        : sql`(${eventOccurrences.startsAt}, ${eventOccurrences.id}) < (${cursor.at.toISOString()}::timestamptz, ${cursor.id})`
      : undefined,
  ];
  const person = organiserPerson(input.viewer);
  const rows = await db
    .select({
      occurrenceId: eventOccurrences.id,
      eventId: events.id,
      slotDate: eventOccurrences.slotDate,
      title: events.title,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      occurrenceStatus: eventOccurrences.status,
      eventStatus: events.status,
      format: datePlaceColumns.format,
      venue: datePlaceColumns.venue,
      municipality: datePlaceColumns.municipality,
      languages: events.languages,
      topic: events.topic,
      frequency: events.frequency,
      visibility: events.visibility,
      organiser: sql<string | null>`coalesce(${organisations.name}, ${person.name})`,
      organiserWithheld: sql<boolean>`(${organisations.id} is null and ${person.withheld})`,
      capacity: events.capacity,
      going: goingCount.mapWith(Number),
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .leftJoin(organisations, eq(organisations.id, events.organiserOrganisationId))
    .leftJoin(users, eq(users.id, events.organiserUserId))
    .leftJoin(profiles, eq(profiles.userId, events.organiserUserId))
    .where(and(...where))
    .orderBy(
      upcoming ? asc(eventOccurrences.startsAt) : desc(eventOccurrences.startsAt),
      upcoming ? asc(eventOccurrences.id) : desc(eventOccurrences.id),
    )
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(({ occurrenceStatus, eventStatus, ...row }) => ({
    ...row,
    cancelled: occurrenceStatus === "cancelled" || eventStatus === "cancelled",
  }));
  const last = items.at(-1);
  return {
    items,
    nextAfter: rows.length > limit && last ? `${last.startsAt.toISOString()}_${last.occurrenceId}` : null,
  };
}
