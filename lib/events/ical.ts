import "server-only";
import { type IcalEvent, writeCalendar } from "@/lib/calendar/ical";
import { env } from "@/lib/env";
import type { FeedEvent } from "./feed-data";
import { type Place, placeOfDate } from "./place";
import { rruleFor } from "./recurrence";
import { berlinClock, berlinDateTimeToUtc } from "./time";

/**
 * An event as iCalendar: one VEVENT (with RRULE and EXDATE for a series), plus one override per moved
 * date or date with a place of its own. The online link is written where the event (or the date) has
 * one: feeds.ts takes out a link kept for attendees before a calendar reaches anyone else.
 */
export type IcalLabels = {
  online: string;
  /** The topic's label in the feed's language ("Beratung"), never the internal key. */
  topic: (key: string) => string;
};

const locationOf = (place: Place, labels: IcalLabels) =>
  (place.format === "online"
    ? [labels.online, place.onlineUrl].filter(Boolean).join(": ")
    : [place.venue, place.address].filter(Boolean).join(", ")) || undefined;

export function toIcalEvents(event: FeedEvent, labels: IcalLabels): IcalEvent[] {
  const url = new URL(`/events/${event.id}`, env.APP_URL).toString();
  const uid = `${event.id}@knotenpunkt`;
  const location = locationOf(event, labels);
  const base = {
    uid,
    sequence: event.sequence,
    stamp: event.updatedAt,
    summary: event.title,
    description: [event.description, url].filter(Boolean).join("\n\n"),
    location,
    url,
    categories: event.topic ? [labels.topic(event.topic)] : undefined,
  };
  const cancelled = event.status === "cancelled";
  const dates = event.occurrences;
  const first = dates[0];
  if (!first) return [];
  if (event.frequency === "none" || dates.length === 1) {
    return [
      {
        ...base,
        start: first.startsAt,
        end: first.endsAt,
        location: locationOf(placeOfDate(event, first.ownPlace), labels),
        status: cancelled || first.cancelled ? "CANCELLED" : "CONFIRMED",
      },
    ];
  }
  const duration = event.durationMinutes * 60_000;
  // The rule's instance of a date (its RECURRENCE-ID): the slot at the series' time now. A moved date's
  // originalStartsAt keeps the time its attendees were told, which a later series change leaves behind.
  const clock = berlinClock(event.startsAt);
  const ruleStart = (d: { slotDate: string }) => berlinDateTimeToUtc(d.slotDate, clock);
  const master: IcalEvent = {
    ...base,
    start: ruleStart(first),
    end: new Date(ruleStart(first).getTime() + duration),
    rrule: rruleFor(event, dates.length),
    exdates: dates.filter((d) => d.cancelled).map(ruleStart),
    status: cancelled ? "CANCELLED" : "CONFIRMED",
  };
  // A date with its own place names it, and links to that date's page.
  const overrides = dates
    .filter((d) => (d.moved || d.ownPlace) && !d.cancelled)
    .map(
      (d): IcalEvent => ({
        ...base,
        recurrenceId: ruleStart(d),
        start: d.startsAt,
        end: d.endsAt,
        ...(d.ownPlace
          ? {
              location: locationOf(d.ownPlace, labels),
              url: new URL(`/events/${event.id}?date=${d.slotDate}`, env.APP_URL).toString(),
            }
          : {}),
        status: cancelled ? "CANCELLED" : "CONFIRMED",
      }),
    );
  return [master, ...overrides];
}

export function calendarOf(name: string, feed: FeedEvent[], labels: IcalLabels): string {
  return writeCalendar({ name, events: feed.flatMap((e) => toIcalEvents(e, labels)) });
}
