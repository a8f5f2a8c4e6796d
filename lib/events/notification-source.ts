import "server-only";
import { and, asc, eq, gte, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { eventOccurrences, eventRsvps, events, users } from "@/db/schema";
import { isLocale } from "@/lib/i18n/config";
import { isolated } from "@/lib/i18n/intl";
import { translatorFor } from "@/lib/i18n/translator";
import { mayEditEvent, toEventViewer, visibleEvents } from "./access";
import { formatTime, formatWhen, placeOf } from "./format";
import { datePlaceColumns } from "./place-sql";
import { berlinDate } from "./time";

const eventOf = (subjectKey: string) => subjectKey.slice("event:".length);

/**
 * The recipient's coming dates of the event they answered yes or maybe for, with the time and place
 * now: all of them (a series has at most 104), for the mail to pick those it names (`datesToName`).
 */
async function recipientDates(recipientId: string, eventId: string) {
  const db = await getDb();
  return db
    .select({
      id: eventOccurrences.id,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      format: datePlaceColumns.format,
      venue: datePlaceColumns.venue,
      address: datePlaceColumns.address,
      onlineUrl: datePlaceColumns.onlineUrl,
      attending: sql<boolean>`${eventRsvps.response} = 'yes' and ${eventRsvps.waitingSince} is null`,
      linkForAttendees: events.onlineUrlAttendeesOnly,
      createdById: events.createdById,
      organiserOrganisationId: events.organiserOrganisationId,
    })
    .from(eventRsvps)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRsvps.occurrenceId))
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(
      and(
        eq(eventRsvps.userId, recipientId),
        ne(eventRsvps.response, "no"),
        eq(events.id, eventId),
        eq(eventOccurrences.status, "scheduled"),
        gte(eventOccurrences.endsAt, new Date()),
      ),
    )
    .orderBy(asc(eventOccurrences.startsAt));
}

/** A change mail names at most this many dates, and says how many more there are. */
const NAMED_DATES = 10;

/**
 * The dates a change mail names, in order: the changed ones first, then the next unchanged ones up to
 * NAMED_DATES. The first ten alone left out a date further on that moved (the 12th of a weekly course).
 */
function datesToName<D extends { id: string }>(dates: D[], changed: Map<string, unknown>): D[] {
  const named = new Set(dates.filter((d) => changed.has(d.id)).slice(0, NAMED_DATES));
  for (const d of dates) if (named.size < NAMED_DATES) named.add(d);
  return dates.filter((d) => named.has(d));
}

/** `u`: an online date's link then, only to tell that it changed (the mail names only the new one). */
type Was = { s: string; e: string; f: string; v: string | null; a: string | null; u?: string | null };

/** What each date was before the changes the mail is about: the oldest notification's word stands. */
function previousOf(params: Record<string, string>[]): Map<string, Was> {
  const was = new Map<string, Was>();
  for (const p of params)
    for (const [key, value] of Object.entries(p)) {
      if (!key.startsWith("was:") || was.has(key.slice(4))) continue;
      try {
        was.set(key.slice(4), JSON.parse(value) as Was);
      } catch {
        // A malformed entry only loses its "bisher".
      }
    }
  return was;
}

type RecipientDate = Awaited<ReturnType<typeof recipientDates>>[number];

/**
 * The link an online date has now when it is new to the recipient (another link, or online instead
 * of in person), and only if they may see it as on the event page: attending, running the event
 * (`runsEvent`), or not kept for attendees.
 */
function newLinkOf(now: RecipientDate, was: Was | undefined, runsEvent: boolean): string | null {
  if (!was || now.format !== "online" || !now.onlineUrl) return null;
  if (!now.attending && !runsEvent && now.linkForAttendees) return null;
  const isNew = was.f !== "online" || (was.u !== undefined && was.u !== now.onlineUrl);
  return isNew ? now.onlineUrl : null;
}

/** "(bisher 16:00–17:00; bisher: Rathaus Zeitz)": only what changed; the day too when that changed. */
function previousText(
  t: ReturnType<typeof translatorFor>,
  locale: string,
  now: RecipientDate & { place: string },
  was: Was | undefined,
  runsEvent: boolean,
): string {
  if (!was) return "";
  const start = new Date(was.s);
  const end = new Date(was.e);
  const link = newLinkOf(now, was, runsEvent);
  const parts: string[] = [];
  if (start.getTime() !== now.startsAt.getTime() || end.getTime() !== now.endsAt.getTime()) {
    const when =
      berlinDate(start) === berlinDate(now.startsAt) && berlinDate(start) === berlinDate(end)
        ? `${formatTime(locale, start)}–${formatTime(locale, end)}`
        : formatWhen(locale, start, end);
    parts.push(t("events.mail.changed.previousTime", { when }));
  }
  const place = placeOf({ format: was.f, venue: was.v, address: was.a }, t("events.online"));
  if (place && place !== now.place) parts.push(t("events.mail.changed.previousPlace", { place }));
  if (link)
    parts.push(
      t(`events.mail.changed.${was.f === "online" ? "newLinkUrl" : "link"}`, { url: isolated(link) }),
    );
  else if (was.f === "online" && now.format === "online" && was.u !== undefined && was.u !== now.onlineUrl)
    parts.push(t("events.mail.changed.newLink"));
  return parts.length ? ` (${parts.join("; ")})` : "";
}

/** Tells the mailer whether an event change may still go out, and the time and place it now has. */
export const eventNotificationSource = {
  /**
   * Only while the event takes place and the recipient may see it: once it is cancelled, a change
   * mailed after the cancellation mail would say it still happens.
   */
  async canSee({ recipientId, subjectKey }: { recipientId: string; subjectKey: string }): Promise<boolean> {
    const db = await getDb();
    const [recipient] = await db
      .select({ id: users.id, status: users.status, role: users.role })
      .from(users)
      .where(eq(users.id, recipientId));
    if (!recipient) return false;
    const [event] = await db
      .select({ status: events.status })
      .from(events)
      .where(and(eq(events.id, eventOf(subjectKey)), visibleEvents(toEventViewer(recipient))));
    return event?.status === "scheduled";
  },
  /**
   * A greeting, then one line per date of theirs: the time (Berlin) and place it has now, and what
   * changed with what it was before ("bisher 16:00–17:00").
   */
  async excerpts({
    recipientId,
    subjectKey,
    locale,
    params,
  }: {
    recipientId: string;
    subjectKey: string;
    locale: string;
    params: Record<string, string>[];
  }) {
    const all = await recipientDates(recipientId, eventOf(subjectKey));
    if (all.length === 0) return [];
    const language = isLocale(locale) ? locale : "de";
    const t = translatorFor(language);
    const was = previousOf(params);
    const dates = datesToName(all, was);
    const db = await getDb();
    const [recipient] = await db
      .select({ id: users.id, name: users.name, status: users.status, role: users.role })
      .from(users)
      .where(eq(users.id, recipientId));
    // Who runs the event sees its links on the event page without attending (as lib/events/data.ts).
    const runsEvent = await mayEditEvent(db, toEventViewer(recipient ?? null), dates[0]!);
    const lines = dates.map((d) => {
      const when = formatWhen(language, d.startsAt, d.endsAt);
      const place = placeOf(d, t("events.online"));
      const line = place
        ? t("events.mail.changed.line", { when, place })
        : t("events.mail.changed.lineNoPlace", { when });
      return `${line}${previousText(t, language, { ...d, place }, was.get(d.id), runsEvent)}`;
    });
    // The new links in those lines, for the mail to make them clickable.
    const links = dates.flatMap((d) => newLinkOf(d, was.get(d.id), runsEvent) ?? []);
    const greeting = recipient?.name
      ? t("mail.greeting", { name: recipient.name })
      : t("mail.greetingAnonymous");
    const more = all.length - dates.length;
    if (more > 0) lines.push(t("events.mail.changed.more", { count: more }));
    return [
      { author: null, text: greeting, plain: true },
      { author: null, text: [t("events.mail.changed.intro"), ...lines].join("\n"), plain: true, links },
    ];
  },
};
