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
  VISIBILITY,
  workingGroups,
} from "@/db/schema";
import { nameAt } from "@/lib/members/visibility";
import { type EventViewer, mayEditEvent, visibleEvents } from "./access";
import { getRsvp, type ViewerRsvp } from "./attendee-data";
import { type OwnPlaceColumns, ownPlaceOf, type Place, placeOfDate } from "./place";
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

/**
 * The organising person's name as the viewer may see it (visitors only names made public), over
 * `users` and `profiles` joined to the person.
 */
const organiserPerson = (viewer: EventViewer) =>
  nameAt(viewer ? VISIBILITY.members : VISIBILITY.public, users.name, profiles.visName);
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

export type OccurrenceSummary = {
  id: string;
  slotDate: string;
  startsAt: Date;
  endsAt: Date;
  originalStartsAt: Date;
  cancelled: boolean;
  moved: boolean;
  /** The date's own place, when it does not take place where the event does. */
  ownPlace: Place | null;
};

export type EventDetail = NonNullable<Awaited<ReturnType<typeof getEventRow>>> & {
  organiser: string | null;
  organiserWithheld: boolean;
  organiserOrganisationSlug: string | null;
  groupName: string | null;
  occurrences: OccurrenceSummary[];
  selected: OccurrenceSummary | null;
  counts: { going: number; waiting: number; maybe: number };
  rsvp: ViewerRsvp;
  canEdit: boolean;
  /** Whether the viewer may see the online link (it is then in onlineUrl; otherwise null). */
  showOnlineUrl: boolean;
  /** The selected date has a place of its own (format, venue, address, onlineUrl are then its). */
  selectedOwnPlace: boolean;
};

export async function getEventRow(eventId: string, viewer: EventViewer) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: events.id,
      title: events.title,
      description: events.description,
      topic: events.topic,
      languages: events.languages,
      format: events.format,
      venue: events.venue,
      address: events.address,
      municipality: events.municipality,
      onlineUrl: events.onlineUrl,
      onlineUrlAttendeesOnly: events.onlineUrlAttendeesOnly,
      accessibility: events.accessibility,
      organiserUserId: events.organiserUserId,
      organiserOrganisationId: events.organiserOrganisationId,
      visibility: events.visibility,
      groupId: events.groupId,
      startsAt: events.startsAt,
      durationMinutes: events.durationMinutes,
      frequency: events.frequency,
      untilDate: events.untilDate,
      capacity: events.capacity,
      status: events.status,
      sequence: events.sequence,
      createdById: events.createdById,
      updatedAt: events.updatedAt,
    })
    .from(events)
    .where(and(eq(events.id, eventId), visibleEvents(viewer)))
    .limit(1);
  return row ?? null;
}

export const toSummary = (
  o: {
    id: string;
    slotDate: string;
    startsAt: Date;
    endsAt: Date;
    originalStartsAt: Date;
    status: string;
  } & OwnPlaceColumns,
): OccurrenceSummary => ({
  id: o.id,
  slotDate: o.slotDate,
  startsAt: o.startsAt,
  endsAt: o.endsAt,
  originalStartsAt: o.originalStartsAt,
  cancelled: o.status === "cancelled",
  moved: o.startsAt.getTime() !== o.originalStartsAt.getTime(),
  ownPlace: ownPlaceOf(o),
});

/** All dates of an event, in order. */
export async function listOccurrences(eventId: string): Promise<OccurrenceSummary[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(eventOccurrences)
    .where(eq(eventOccurrences.eventId, eventId))
    .orderBy(asc(eventOccurrences.startsAt));
  return rows.map(toSummary);
}

/**
 * An event as the viewer may see it, with one date selected (the given slot, else the next one to
 * come, else the last): its numbers, the viewer's answer and place in the queue. Null when not visible.
 */
export async function getEventDetail(input: {
  eventId: string;
  viewer: EventViewer;
  slotDate?: string;
  now?: Date;
}): Promise<EventDetail | null> {
  const event = await getEventRow(input.eventId, input.viewer);
  if (!event) return null;
  const db = await getDb();
  const now = input.now ?? new Date();
  const person = organiserPerson(input.viewer);
  const [occurrences, [names], canEdit] = await Promise.all([
    listOccurrences(event.id),
    db
      .select({
        organisation: organisations.name,
        organisationSlug: organisations.slug,
        person: person.name,
        personWithheld: person.withheld,
        group: workingGroups.name,
      })
      .from(events)
      .leftJoin(organisations, eq(organisations.id, events.organiserOrganisationId))
      .leftJoin(users, eq(users.id, events.organiserUserId))
      .leftJoin(profiles, eq(profiles.userId, events.organiserUserId))
      .leftJoin(workingGroups, eq(workingGroups.id, events.groupId))
      .where(eq(events.id, event.id)),
    mayEditEvent(db, input.viewer, event),
  ]);
  const selected =
    occurrences.find((o) => o.slotDate === input.slotDate) ??
    occurrences.find((o) => o.endsAt >= now && !o.cancelled) ??
    occurrences.find((o) => o.endsAt >= now) ??
    occurrences.at(-1) ??
    null;
  const counts = { going: 0, waiting: 0, maybe: 0 };
  let rsvp: ViewerRsvp = null;
  if (selected) {
    const [tallies, answer] = await Promise.all([
      db
        .select({
          going:
            sql<number>`count(*) filter (where ${eventRsvps.response} = 'yes' and ${eventRsvps.waitingSince} is null)`.mapWith(
              Number,
            ),
          waiting: sql<number>`count(*) filter (where ${eventRsvps.waitingSince} is not null)`.mapWith(
            Number,
          ),
          maybe: sql<number>`count(*) filter (where ${eventRsvps.response} = 'maybe')`.mapWith(Number),
        })
        .from(eventRsvps)
        .where(eq(eventRsvps.occurrenceId, selected.id)),
      input.viewer ? getRsvp(selected.id, input.viewer.id) : null,
    ]);
    Object.assign(counts, tallies[0]);
    rsvp = answer;
  }
  // The selected date's place is shown; its link, like the event's, only to those attending that date.
  const place = placeOfDate(event, selected?.ownPlace ?? null);
  const attending = rsvp?.response === "yes" && !rsvp.waiting;
  const showOnlineUrl =
    place.format === "online" &&
    Boolean(place.onlineUrl) &&
    (!event.onlineUrlAttendeesOnly || attending || canEdit);
  // Other dates' own links never leave the server with the page's data: only the selected date's may show.
  const withoutLinks = occurrences.map((o) =>
    o.ownPlace ? { ...o, ownPlace: { ...o.ownPlace, onlineUrl: null } } : o,
  );
  return {
    ...event,
    format: place.format,
    venue: place.venue,
    address: place.address,
    municipality: place.municipality ?? null,
    onlineUrl: showOnlineUrl ? place.onlineUrl : null,
    selectedOwnPlace: Boolean(selected?.ownPlace),
    organiser: names?.organisation ?? names?.person ?? null,
    organiserWithheld: !names?.organisation && Boolean(names?.personWithheld),
    organiserOrganisationSlug: names?.organisationSlug ?? null,
    groupName: names?.group ?? null,
    occurrences: withoutLinks,
    selected: selected && withoutLinks.find((o) => o.id === selected.id)!,
    counts,
    rsvp,
    canEdit,
    showOnlineUrl,
  };
}

/** A date with what the RSVP and organiser actions need, if the viewer may see its event. */
export async function getOccurrenceForViewer(occurrenceId: string, viewer: EventViewer) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: eventOccurrences.id,
      slotDate: eventOccurrences.slotDate,
      eventId: events.id,
      createdById: events.createdById,
      organiserOrganisationId: events.organiserOrganisationId,
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(and(eq(eventOccurrences.id, occurrenceId), visibleEvents(viewer)));
  return row ?? null;
}
