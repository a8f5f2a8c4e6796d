import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  calendarFeeds,
  type EventFormat,
  type EventFrequency,
  type EventVisibility,
  eventOccurrences,
  eventRsvps,
  events,
  organisations,
  profiles,
  type RsvpResponse,
  users,
  VISIBILITY,
  workingGroupMembers,
  workingGroups,
} from "@/db/schema";
import { nameAt, visibleAt } from "@/lib/members/visibility";
import { type EventViewer, mayEditEvent, organisationsRunBy, visibleEvents } from "./access";
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

export type ViewerRsvp = { response: RsvpResponse; waiting: boolean; position: number | null } | null;

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

async function getEventRow(eventId: string, viewer: EventViewer) {
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

const toSummary = (
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

/** The viewer's answer for a date, with their place in the waiting list (1 = next). */
export async function getRsvp(occurrenceId: string, userId: string): Promise<ViewerRsvp> {
  const db = await getDb();
  const [row] = await db
    .select({ response: eventRsvps.response, waitingSince: eventRsvps.waitingSince })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.occurrenceId, occurrenceId), eq(eventRsvps.userId, userId)));
  if (!row) return null;
  if (!row.waitingSince) return { response: row.response, waiting: false, position: null };
  const [ahead] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(eventRsvps)
    .where(
      and(
        eq(eventRsvps.occurrenceId, occurrenceId),
        isNotNull(eventRsvps.waitingSince),
        sql`(${eventRsvps.waitingSince}, ${eventRsvps.userId}) < (${row.waitingSince.toISOString()}::timestamptz, ${userId})`,
      ),
    );
  return { response: row.response, waiting: true, position: (ahead?.n ?? 0) + 1 };
}

export type Attendee = {
  userId: string;
  name: string;
  /** The contact e-mail of their profile where they show it to members; never the sign-in address. */
  contactEmail: string | null;
  response: RsvpResponse;
  waiting: boolean;
  answeredAt: Date;
};

/** The profile's contact e-mail where its owner shows it to members (what organisers may see), else null. */
const contactForOrganisers = sql<
  string | null
>`case when ${visibleAt(profiles.visContact, VISIBILITY.members)} then nullif(${profiles.contactEmail}, '') end`;

/** What organisers see of this member besides name and answer: the contact e-mail they show members, if any. */
export async function getContactShownToOrganisers(userId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ email: contactForOrganisers })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  return row?.email ?? null;
}

/**
 * Everyone who answered for a date: going first, then the waiting list in order, maybe, no. For
 * organisers only, who see name and answer, and an e-mail only where the profile shows one to members.
 */
export async function listAttendees(occurrenceId: string): Promise<Attendee[]> {
  const db = await getDb();
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      contactEmail: contactForOrganisers,
      response: eventRsvps.response,
      waitingSince: eventRsvps.waitingSince,
      answeredAt: eventRsvps.updatedAt,
    })
    .from(eventRsvps)
    .innerJoin(users, eq(users.id, eventRsvps.userId))
    .leftJoin(profiles, eq(profiles.userId, eventRsvps.userId))
    .where(eq(eventRsvps.occurrenceId, occurrenceId))
    .orderBy(
      sql`case when ${eventRsvps.response} = 'yes' and ${eventRsvps.waitingSince} is null then 0 when ${eventRsvps.waitingSince} is not null then 1 when ${eventRsvps.response} = 'maybe' then 2 else 3 end`,
      asc(eventRsvps.waitingSince),
      asc(users.name),
    );
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name ?? "",
    contactEmail: r.contactEmail,
    response: r.response,
    waiting: r.waitingSince !== null,
    answeredAt: r.answeredAt,
  }));
}

export type OrganiserOption = { value: string; label: string };

/** What the viewer may pick as organiser: themselves, and the organisations they may run events for. */
export async function listOrganiserOptions(
  viewer: NonNullable<EventViewer>,
  selfLabel: string,
): Promise<OrganiserOption[]> {
  const db = await getDb();
  const orgs = await organisationsRunBy(db, viewer);
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.status, "active"),
        orgs === "all" ? undefined : orgs.length ? inArray(organisations.id, orgs) : sql`false`,
      ),
    )
    .orderBy(asc(organisations.name))
    .limit(500);
  return [{ value: "self", label: selfLabel }, ...rows.map((r) => ({ value: `org:${r.id}`, label: r.name }))];
}

/** Working groups the viewer may address: all for coordinators, else their own. */
export async function listGroupOptions(viewer: NonNullable<EventViewer>): Promise<OrganiserOption[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: workingGroups.id, name: workingGroups.name })
    .from(workingGroups)
    .where(
      viewer.coordinator
        ? undefined
        : sql`exists (select 1 from ${workingGroupMembers} where ${workingGroupMembers.groupId} = ${workingGroups.id} and ${workingGroupMembers.userId} = ${viewer.id})`,
    )
    .orderBy(asc(workingGroups.name));
  return rows.map((r) => ({ value: r.id, label: r.name }));
}

/** Events for a calendar feed: those visible, not long over, newest change last. */
export async function listFeedEvents(viewer: EventViewer, options: { publicOnly?: boolean } = {}) {
  const db = await getDb();
  const since = new Date(Date.now() - 90 * 24 * 3_600_000);
  const eventRows = await db
    .select({
      id: events.id,
      title: events.title,
      description: events.description,
      format: events.format,
      venue: events.venue,
      address: events.address,
      onlineUrl: events.onlineUrl,
      onlineUrlAttendeesOnly: events.onlineUrlAttendeesOnly,
      frequency: events.frequency,
      startsAt: events.startsAt,
      durationMinutes: events.durationMinutes,
      untilDate: events.untilDate,
      status: events.status,
      sequence: events.sequence,
      updatedAt: events.updatedAt,
      topic: events.topic,
    })
    .from(events)
    .where(
      and(
        options.publicOnly ? eq(events.visibility, "public") : visibleEvents(viewer),
        sql`exists (select 1 from ${eventOccurrences} where ${eventOccurrences.eventId} = ${events.id} and ${eventOccurrences.endsAt} >= ${since.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(asc(events.startsAt))
    .limit(1000);
  const ids = eventRows.map((e) => e.id);
  const occurrences = ids.length
    ? await db
        .select()
        .from(eventOccurrences)
        .where(inArray(eventOccurrences.eventId, ids))
        .orderBy(asc(eventOccurrences.startsAt))
    : [];
  const byEvent = new Map<string, OccurrenceSummary[]>();
  for (const o of occurrences) {
    const list = byEvent.get(o.eventId) ?? [];
    list.push(toSummary(o));
    byEvent.set(o.eventId, list);
  }
  return eventRows.map((e) => ({ ...e, occurrences: byEvent.get(e.id) ?? [] }));
}
export type FeedEvent = Awaited<ReturnType<typeof listFeedEvents>>[number];

/** One event for its .ics file, if the viewer may see it. */
export async function getFeedEvent(eventId: string, viewer: EventViewer): Promise<FeedEvent | null> {
  const event = await getEventRow(eventId, viewer);
  if (!event) return null;
  return { ...event, occurrences: await listOccurrences(event.id) };
}

/** The member behind a calendar feed token, if the token is still valid. */
export async function getFeedOwner(token: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, role: users.role, status: users.status, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.token, token), ne(users.status, "blocked")));
  return row ?? null;
}

export async function getFeedToken(userId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ token: calendarFeeds.token })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId));
  return row?.token ?? null;
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

/** How many people an organiser's change of this date reaches: those who said yes (or wait) or maybe. */
export async function countAnswered(occurrenceId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.occurrenceId, occurrenceId), ne(eventRsvps.response, "no")));
  return row?.count ?? 0;
}

/** The most people holding a seat on one coming date of the event (0 when none). */
export async function mostGoing(eventId: string, now = new Date()): Promise<number> {
  const db = await getDb();
  const rows = await db
    .select({ going: sql<number>`count(*)`.mapWith(Number) })
    .from(eventRsvps)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRsvps.occurrenceId))
    .where(
      and(
        eq(eventOccurrences.eventId, eventId),
        eq(eventOccurrences.status, "scheduled"),
        gte(eventOccurrences.endsAt, now),
        eq(eventRsvps.response, "yes"),
        isNull(eventRsvps.waitingSince),
      ),
    )
    .groupBy(eventOccurrences.id);
  return Math.max(0, ...rows.map((r) => r.going));
}

/** An event's editable fields plus what the edit gate needs, if the viewer may see it. */
export async function getEventForEdit(eventId: string, viewer: EventViewer) {
  const event = await getEventRow(eventId, viewer);
  if (!event) return null;
  const db = await getDb();
  return (await mayEditEvent(db, viewer, event)) ? event : null;
}
export type EditableEvent = NonNullable<Awaited<ReturnType<typeof getEventForEdit>>>;

/**
 * The current organiser as a choice on the edit form, when it is someone other than the editor;
 * an erased account has no name and is labelled `formerMember`.
 */
export async function currentOrganiserOption(
  event: { organiserUserId: string | null },
  viewerId: string,
  formerMember: string,
): Promise<OrganiserOption | null> {
  if (!event.organiserUserId || event.organiserUserId === viewerId) return null;
  const db = await getDb();
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, event.organiserUserId));
  return row ? { value: `user:${event.organiserUserId}`, label: row.name ?? formerMember } : null;
}
