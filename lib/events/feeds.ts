import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { TOPICS } from "@/lib/network/constants";
import { getNetworkName } from "@/lib/settings/data";
import { type EventViewer, toEventViewer } from "./access";
import { listAttendees } from "./attendee-data";
import { toCsv } from "./csv";
import { listOccurrences } from "./data";
import { getEventForEdit } from "./editor-data";
import { type FeedEvent, getFeedEvent, getFeedOwner, listFeedEvents } from "./feed-data";
import { formatStamp } from "./format";
import { calendarOf, type IcalLabels } from "./ical";
import { datesWithOnlineLink, eventsWithOnlineLink } from "./online-link";

/** What a calendar writes in words, in the feed's language. */
const icalLabels = (locale: Locale): IcalLabels => {
  const t = translatorFor(locale);
  return { online: t("events.online"), topic: (key) => (isTopic(key) ? t(`topics.${key}`) : key) };
};

const isTopic = (key: string): key is (typeof TOPICS)[number] => (TOPICS as readonly string[]).includes(key);

const calendarResponse = (body: string, init: { filename?: string; cache: string }) =>
  new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": init.cache,
      ...(init.filename ? { "Content-Disposition": `attachment; filename="${init.filename}"` } : {}),
    },
  });

/**
 * These events without the online links kept for attendees, unless this viewer is one (or runs it):
 * the event's link for attendees of its dates, a date's own link for attendees of that date.
 */
async function withOnlineLinksFor<E extends FeedEvent>(viewer: EventViewer, feed: E[]): Promise<E[]> {
  const reserved = new Set(feed.filter((e) => e.onlineUrl && e.onlineUrlAttendeesOnly).map((e) => e.id));
  const reservedDates = new Set(
    feed
      .filter((e) => e.onlineUrlAttendeesOnly)
      .flatMap((e) => e.occurrences.filter((o) => o.ownPlace?.onlineUrl).map((o) => o.id)),
  );
  const [allowed, allowedDates] = await Promise.all([
    eventsWithOnlineLink(viewer, [...reserved]),
    datesWithOnlineLink(viewer, [...reservedDates]),
  ]);
  return feed.map((e) => ({
    ...e,
    onlineUrl: reserved.has(e.id) && !allowed.has(e.id) ? null : e.onlineUrl,
    occurrences: e.occurrences.map((o) =>
      o.ownPlace && reservedDates.has(o.id) && !allowedDates.has(o.id)
        ? { ...o, ownPlace: { ...o.ownPlace, onlineUrl: null } }
        : o,
    ),
  }));
}

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/** One event's .ics, for whoever may see the event. */
export async function eventIcsResponse(
  eventId: string,
  viewer: Parameters<typeof toEventViewer>[0],
  locale: Locale,
): Promise<Response> {
  const eventViewer = toEventViewer(viewer);
  const found = await getFeedEvent(eventId, eventViewer);
  if (!found) return notFound();
  const body = calendarOf(found.title, await withOnlineLinksFor(eventViewer, [found]), icalLabels(locale));
  return calendarResponse(body, {
    filename: `veranstaltung-${found.id.slice(0, 8)}.ics`,
    cache: "private, no-store",
  });
}

/** A member's personal feed: every event they may see. Unknown or revoked tokens get 404. */
export async function personalFeedResponse(token: string): Promise<Response> {
  const clean = token.replace(/\.ics$/, "");
  if (!/^[\w-]{20,64}$/.test(clean)) return notFound();
  const owner = await getFeedOwner(clean);
  if (owner?.status !== "approved") return notFound();
  const locale = isLocale(owner.locale) ? owner.locale : "de";
  const viewer = toEventViewer(owner);
  const [feed, network] = await Promise.all([
    listFeedEvents(viewer).then((events) => withOnlineLinksFor(viewer, events)),
    getNetworkName(locale),
  ]);
  const name = translatorFor(locale)("events.calendar.personalName", { network });
  return calendarResponse(calendarOf(name, feed, icalLabels(locale)), { cache: "private, no-store" });
}

export async function publicFeedResponse(): Promise<Response> {
  const t = translatorFor("de");
  const [feed, network] = await Promise.all([
    listFeedEvents(null, { publicOnly: true }).then((events) => withOnlineLinksFor(null, events)),
    getNetworkName("de"),
  ]);
  return calendarResponse(calendarOf(t("events.calendar.publicName", { network }), feed, icalLabels("de")), {
    cache: "public, max-age=300",
  });
}

/** The attendee list of one date as CSV, for those who may edit the event; anyone else: 404. */
export async function attendeesCsvResponse(
  eventId: string,
  slotDate: string | undefined,
  viewer: Viewer | null,
): Promise<Response> {
  const event = await getEventForEdit(eventId, toEventViewer(viewer));
  if (!event) return notFound();
  const occurrences = await listOccurrences(event.id);
  const selected =
    occurrences.find((o) => o.slotDate === slotDate) ??
    occurrences.find((o) => o.endsAt >= new Date()) ??
    occurrences.at(-1);
  if (!selected) return notFound();
  const t = translatorFor(isLocale(viewer?.locale) ? viewer.locale : "de");
  const attendees = await listAttendees(selected.id);
  const rows = [
    [
      t("events.columns.name"),
      t("events.columns.contactEmail"),
      t("events.columns.response"),
      t("events.columns.answeredAt"),
    ],
    ...attendees.map((a) => [
      a.name,
      a.contactEmail ?? "",
      t(`events.responses.${a.waiting ? "waiting" : a.response}`),
      formatStamp(a.answeredAt),
    ]),
  ];
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="teilnehmende-${selected.slotDate}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
