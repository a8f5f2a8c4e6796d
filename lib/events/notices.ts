import "server-only";
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { eventOccurrences, events, users } from "@/db/schema";
import { sendEventMail } from "@/emails/event-mails";
import { isLocale } from "@/lib/i18n/config";
import { notify } from "@/lib/notifications/mutations";
import { peopleWhoSeeEvent } from "./access";
import type { Place } from "./place";
import { datePlaceColumns } from "./place-sql";

/** What happened to someone's date, to tell them after the change is committed. */
export type EventNotice =
  | { kind: "promoted"; userId: string; occurrenceId: string }
  | {
      kind: "changed";
      userId: string;
      occurrenceId: string;
      actorId: string;
      /** What the recipient's changed dates were before, by date, for the mail's "bisher". */
      was?: Record<string, DateWas>;
      /** A date within the next two days changes: mailed without the burst delay. */
      urgent?: boolean;
      /** Only this date changed (moved, a place of its own, called off no more): the subject names it. */
      oneDate?: boolean;
    }
  | {
      kind: "cancelled";
      userId: string;
      eventId: string;
      title: string;
      occurrenceIds: string[];
      actorId: string;
      /** The whole event was called off, not just these dates. */
      wholeEvent?: boolean;
      /** The dates' times when they are deleted before the notice is sent (a changed series rule). */
      dates?: { start: Date; end: Date }[];
    }
  | {
      /** Their answers were withdrawn: the event is now a working group's they are not in. */
      kind: "withdrawn";
      userId: string;
      eventId: string;
      title: string;
      /** How many dates they had answered. */
      answers: number;
    };

/** A date's time and place before a change. */
export type DateWas = {
  start: Date;
  end: Date;
  format: string;
  venue: string | null;
  address: string | null;
  /** Kept to tell that an online date's link changed; a mail names only the new one, to those who may see it. */
  onlineUrl?: string | null;
};

/** Kept in the notification's params as `was:<occurrenceId>` (lib/events/notification-source.ts reads them). */
const wasParams = (was: Record<string, DateWas>) =>
  Object.fromEntries(
    Object.entries(was).map(([id, w]) => [
      `was:${id}`,
      JSON.stringify({
        s: w.start.toISOString(),
        e: w.end.toISOString(),
        f: w.format,
        v: w.venue,
        a: w.address,
        ...(w.format === "online" ? { u: w.onlineUrl ?? null } : {}),
      }),
    ]),
  );

export const eventPath = (eventId: string, slotDate?: string) =>
  slotDate ? `/events/${eventId}?date=${slotDate}` : `/events/${eventId}`;

/**
 * Changes of time or place go through the notification centre (kind "event_change"): an in-app
 * notice, and a mail as each member chose, which names the time and place their dates have now
 * (lib/events/notification-source.ts). One notification per event and person, linking to their date.
 */
async function notifyChanges(
  notices: EventNotice[],
  date: Map<string, { eventId: string; slotDate: string; title: string; startsAt: Date }>,
): Promise<void> {
  const byDate = new Map<
    string,
    { actorId: string; recipients: string[]; was: Record<string, DateWas>; urgent: boolean; oneDate: boolean }
  >();
  for (const n of notices) {
    if (n.kind !== "changed" || !date.has(n.occurrenceId)) continue;
    const entry = byDate.get(n.occurrenceId) ?? {
      actorId: n.actorId,
      recipients: [],
      was: {},
      urgent: false,
      oneDate: false,
    };
    entry.recipients.push(n.userId);
    Object.assign(entry.was, n.was);
    entry.urgent ||= n.urgent === true;
    entry.oneDate ||= n.oneDate === true;
    byDate.set(n.occurrenceId, entry);
  }
  for (const [occurrenceId, e] of byDate) {
    const d = date.get(occurrenceId)!;
    try {
      await notify({
        recipientIds: e.recipients,
        kind: "event_change",
        actorId: e.actorId,
        url: eventPath(d.eventId, d.slotDate),
        subjectKey: `event:${d.eventId}`,
        params: {
          title: d.title,
          ...wasParams(e.was),
          // The day its attendees knew it on (lib/notifications/text.ts formats it).
          ...(e.oneDate ? { on: (e.was[occurrenceId]?.start ?? d.startsAt).toISOString() } : {}),
        },
        urgent: e.urgent,
      });
    } catch (error) {
      console.error(`Event change notification for ${d.eventId} failed:`, error);
    }
  }
}

/**
 * Tells each person what happened: changes through the notification centre, waiting-list promotions,
 * cancellations and withdrawn answers by e-mail in their language. A failure is logged, never undoes
 * the change.
 */
export async function sendEventNotices(notices: EventNotice[]): Promise<void> {
  if (notices.length === 0) return;
  const db = await getDb();
  const people = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      status: users.status,
    })
    .from(users)
    .where(inArray(users.id, [...new Set(notices.map((n) => n.userId))]));
  const person = new Map(people.map((p) => [p.id, p]));
  const occurrenceIds = notices.flatMap((n) =>
    n.kind === "cancelled" ? n.occurrenceIds : n.kind === "withdrawn" ? [] : [n.occurrenceId],
  );
  const dates = occurrenceIds.length
    ? await db
        .select({
          id: eventOccurrences.id,
          slotDate: eventOccurrences.slotDate,
          startsAt: eventOccurrences.startsAt,
          endsAt: eventOccurrences.endsAt,
          eventId: events.id,
          title: events.title,
          ...datePlaceColumns,
        })
        .from(eventOccurrences)
        .innerJoin(events, eq(events.id, eventOccurrences.eventId))
        .where(inArray(eventOccurrences.id, occurrenceIds))
    : [];
  const date = new Map(dates.map((d) => [d.id, d]));
  await notifyChanges(notices, date);
  const eventOf = (notice: EventNotice) =>
    notice.kind === "cancelled" || notice.kind === "withdrawn"
      ? notice.eventId
      : date.get(notice.occurrenceId)?.eventId;
  // Those whose answers were withdrawn may no longer see the event: their mail names nothing of it but its title.
  const seeing = await whoSeesWhich(
    notices.filter((n) => n.kind !== "changed" && n.kind !== "withdrawn"),
    eventOf,
  );
  for (const notice of notices) {
    if (notice.kind === "changed") continue;
    const to = person.get(notice.userId);
    if (to?.status !== "approved") continue;
    if (notice.kind === "withdrawn") {
      await sendWithdrawal(to, notice);
      continue;
    }
    if (!seeing.has(`${eventOf(notice)} ${notice.userId}`)) continue;
    const occurrence = date.get(
      notice.kind === "cancelled" ? (notice.occurrenceIds[0] ?? "") : notice.occurrenceId,
    );
    // A cancellation names every date of theirs it concerns, not just the first.
    const cancelledDates =
      notice.kind === "cancelled"
        ? (
            notice.dates ??
            notice.occurrenceIds
              .map((id) => date.get(id))
              .filter((d) => d !== undefined)
              .map((d) => ({ start: d.startsAt, end: d.endsAt }))
          ).toSorted((a, b) => a.start.getTime() - b.start.getTime())
        : undefined;
    const title = notice.kind === "cancelled" ? notice.title : occurrence?.title;
    if (!title) continue;
    const eventId = notice.kind === "cancelled" ? notice.eventId : occurrence!.eventId;
    try {
      await sendEventMail({
        kind: notice.kind,
        to: to.email,
        locale: isLocale(to.locale) ? to.locale : "de",
        name: to.name,
        title,
        eventPath: eventPath(eventId, occurrence?.slotDate),
        when: occurrence
          ? { start: occurrence.startsAt, end: occurrence.endsAt }
          : cancelledDates?.length === 1
            ? cancelledDates[0]!
            : null,
        place: occurrence ?? { format: "in_person", venue: null, address: null },
        onlineUrl: notice.kind === "promoted" ? occurrence?.onlineUrl : null,
        dates: cancelledDates,
        wholeEvent: notice.kind === "cancelled" && notice.wholeEvent === true,
      });
    } catch (error) {
      console.error(`Event mail (${notice.kind}) to ${to.email} failed:`, error);
    }
  }
}

async function sendWithdrawal(
  to: { email: string; name: string | null; locale: string },
  notice: EventNotice & { kind: "withdrawn" },
): Promise<void> {
  try {
    await sendEventMail({
      kind: "withdrawn",
      to: to.email,
      locale: isLocale(to.locale) ? to.locale : "de",
      name: to.name,
      title: notice.title,
      answers: notice.answers,
    });
  } catch (error) {
    console.error(`Event mail (withdrawn) to ${to.email} failed:`, error);
  }
}

/** "eventId userId" for each notice whose recipient may see its event (peopleWhoSeeEvent), per event one query. */
async function whoSeesWhich(
  notices: EventNotice[],
  eventOf: (notice: EventNotice) => string | undefined,
): Promise<Set<string>> {
  const byEvent = new Map<string, string[]>();
  for (const n of notices) {
    const eventId = eventOf(n);
    if (eventId) byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), n.userId]);
  }
  const db = await getDb();
  const seeing = new Set<string>();
  for (const [eventId, userIds] of byEvent)
    for (const id of await peopleWhoSeeEvent(db, eventId, userIds)) seeing.add(`${eventId} ${id}`);
  return seeing;
}

/** A change this close to a date is mailed at once, not after the burst delay. */
const URGENT_WITHIN_MS = 48 * 3_600_000;
export const isUrgent = (starts: Date[], now: Date) =>
  starts.some((d) => d.getTime() < now.getTime() + URGENT_WITHIN_MS);

/** What a date was before an organiser's change, for the change mail's "bisher". */
export const wasOfDate = (d: { startsAt: Date; endsAt: Date; place: Place }): DateWas => ({
  start: d.startsAt,
  end: d.endsAt,
  format: d.place.format,
  venue: d.place.venue,
  address: d.place.address,
  onlineUrl: d.place.onlineUrl,
});
