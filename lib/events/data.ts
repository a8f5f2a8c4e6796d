import "server-only";
import { and, asc, eq, getTableColumns } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  eventOccurrences,
  events,
  organisations,
  profiles,
  users,
  VISIBILITY,
  workingGroups,
} from "@/db/schema";
import { nameAt } from "@/lib/members/visibility";
import { type EventViewer, mayEditEvent, visibleEvents } from "./access";
import { getAnswers, type ViewerRsvp } from "./attendee-data";
import { type OwnPlaceColumns, ownPlaceOf, type Place, placeOfDate } from "./place";

/**
 * The organising person's name as the viewer may see it (visitors only names made public), over
 * `users` and `profiles` joined to the person.
 */
export const organiserPerson = (viewer: EventViewer) =>
  nameAt(viewer ? VISIBILITY.members : VISIBILITY.public, users.name, profiles.visName);

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

// Every column but createdAt, which no page shows.
const { createdAt: _, ...eventColumns } = getTableColumns(events);

export async function getEventRow(eventId: string, viewer: EventViewer) {
  const db = await getDb();
  const [row] = await db
    .select(eventColumns)
    .from(events)
    .where(and(eq(events.id, eventId), visibleEvents(viewer)))
    .limit(1);
  return row ?? null;
}

/** The event with its organiser's and group's names as the viewer may see them; null when not visible. */
async function getEventWithNames(eventId: string, viewer: EventViewer) {
  const db = await getDb();
  const person = organiserPerson(viewer);
  const [row] = await db
    .select({
      event: eventColumns,
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
  const found = await getEventWithNames(input.eventId, input.viewer);
  if (!found) return null;
  const { event, ...names } = found;
  const db = await getDb();
  const now = input.now ?? new Date();
  const [occurrences, canEdit] = await Promise.all([
    listOccurrences(event.id),
    mayEditEvent(db, input.viewer, event),
  ]);
  const selected =
    occurrences.find((o) => o.slotDate === input.slotDate) ??
    occurrences.find((o) => o.endsAt >= now && !o.cancelled) ??
    occurrences.find((o) => o.endsAt >= now) ??
    occurrences.at(-1) ??
    null;
  const { counts, rsvp } = selected
    ? await getAnswers(selected.id, input.viewer?.id ?? null)
    : { counts: { going: 0, waiting: 0, maybe: 0 }, rsvp: null };
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
    organiser: names.organisation ?? names.person ?? null,
    organiserWithheld: !names.organisation && Boolean(names.personWithheld),
    organiserOrganisationSlug: names.organisationSlug ?? null,
    groupName: names.group ?? null,
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
