/** An organiser's change to one date of a series: called off or back, moved, or given a place of its own. */
import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { eventOccurrences, events } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { type EventNotice, isUrgent, sendEventNotices, wasOfDate } from "./notices";
import { cleanPlace, ownPlaceOf, type Place, placeOfDate, samePlace, sameSavedPlace } from "./place";
import { scheduleReminders } from "./reminders";
import { interestedIn } from "./rsvp-mutations";

/**
 * Locks one date and its event for an organiser's change. A cancelled event stays as it was told to
 * everyone: its dates are neither moved, cancelled nor restored.
 */
async function lockDateForChange(tx: Executor, occurrenceId: string) {
  const [row] = await tx
    .select({
      id: eventOccurrences.id,
      status: eventOccurrences.status,
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      eventId: events.id,
      eventStatus: events.status,
      event: {
        format: events.format,
        venue: events.venue,
        address: events.address,
        onlineUrl: events.onlineUrl,
        municipality: events.municipality,
      },
      own: {
        format: eventOccurrences.format,
        venue: eventOccurrences.venue,
        address: eventOccurrences.address,
        onlineUrl: eventOccurrences.onlineUrl,
        municipality: eventOccurrences.municipality,
      },
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(eq(eventOccurrences.id, occurrenceId))
    .for("update");
  if (!row) throw new AppError({ code: "not_found", message: "notFound" });
  if (row.eventStatus === "cancelled") throw new AppError({ code: "conflict", message: "eventCancelled" });
  return { ...row, place: placeOfDate(row.event, ownPlaceOf(row.own)) };
}

/** Cancels one date of a series (or takes the cancellation back); those who answered are told. */
export async function setOccurrenceStatus(input: {
  actorId: string;
  occurrenceId: string;
  status: "scheduled" | "cancelled";
}) {
  const db = await getDb();
  const notices = await db.transaction(async (tx) => {
    await lockDateForChange(tx, input.occurrenceId);
    const [occurrence] = await tx
      .update(eventOccurrences)
      .set({ status: input.status })
      .where(and(eq(eventOccurrences.id, input.occurrenceId), ne(eventOccurrences.status, input.status)))
      .returning({ id: eventOccurrences.id, eventId: eventOccurrences.eventId });
    if (!occurrence) return [];
    const [event] = await tx
      .update(events)
      .set({ sequence: sql`${events.sequence} + 1`, updatedAt: new Date() })
      .where(eq(events.id, occurrence.eventId))
      .returning({ title: events.title });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: input.status === "cancelled" ? "event.date_cancel" : "event.date_restore",
      targetType: "event_occurrence",
      targetId: occurrence.id,
    });
    const told = await interestedIn(tx, [occurrence.id]);
    return [...told.keys()].map(
      (userId): EventNotice =>
        input.status === "cancelled"
          ? {
              kind: "cancelled",
              userId,
              eventId: occurrence.eventId,
              title: event!.title,
              occurrenceIds: [occurrence.id],
              actorId: input.actorId,
            }
          : { kind: "changed", userId, occurrenceId: occurrence.id, actorId: input.actorId, oneDate: true },
    );
  });
  await sendEventNotices(notices);
}

/** Moves one date of a series; it keeps its slot, so the calendar shows it as an exception. */
export async function moveOccurrence(input: {
  actorId: string;
  occurrenceId: string;
  startsAt: Date;
  endsAt: Date;
}) {
  const db = await getDb();
  const notices = await db.transaction(async (tx) => {
    const before = await lockDateForChange(tx, input.occurrenceId);
    const was = wasOfDate(before);
    const [occurrence] = await tx
      .update(eventOccurrences)
      .set({ startsAt: input.startsAt, endsAt: input.endsAt })
      .where(eq(eventOccurrences.id, input.occurrenceId))
      .returning({ id: eventOccurrences.id, eventId: eventOccurrences.eventId });
    if (!occurrence) throw new AppError({ code: "not_found", message: "notFound" });
    await tx
      .update(events)
      .set({ sequence: sql`${events.sequence} + 1`, updatedAt: new Date() })
      .where(eq(events.id, occurrence.eventId));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "event.date_move",
      targetType: "event_occurrence",
      targetId: occurrence.id,
      data: { startsAt: input.startsAt.toISOString() },
    });
    const told = await interestedIn(tx, [occurrence.id]);
    return [...told.keys()].map(
      (userId): EventNotice => ({
        kind: "changed",
        userId,
        occurrenceId: occurrence.id,
        actorId: input.actorId,
        was: { [occurrence.id]: was },
        urgent: isUrgent([was.start, input.startsAt], new Date()),
        oneDate: true,
      }),
    );
  });
  await sendEventNotices(notices);
  const [row] = await db
    .select({ eventId: eventOccurrences.eventId })
    .from(eventOccurrences)
    .where(eq(eventOccurrences.id, input.occurrenceId));
  if (row) await scheduleReminders(row.eventId);
}

/**
 * Gives one date a place of its own (another address, another link, or in person instead of online
 * and back), or with `place: null` the event's place again. Those who answered yes or maybe are told,
 * at once when the date is within two days, as for a moved date.
 */
export async function setOccurrencePlace(input: {
  actorId: string;
  occurrenceId: string;
  place: Place | null;
  now?: Date;
}): Promise<{ notified: number }> {
  const db = await getDb();
  const now = input.now ?? new Date();
  const given = input.place ? cleanPlace(input.place) : null;
  const notices = await db.transaction(async (tx) => {
    const before = await lockDateForChange(tx, input.occurrenceId);
    // An address given without a municipality (not through the form) keeps the event's.
    const place =
      given?.format === "in_person" && given.municipality === undefined
        ? { ...given, municipality: before.event.municipality }
        : given;
    // The event's own place given again (the form comes filled with it) is no place of its own.
    const own = place && !sameSavedPlace(place, cleanPlace(before.event)) ? place : null;
    const after = placeOfDate(before.event, own);
    const ownBefore = ownPlaceOf(before.own);
    const unchanged = sameSavedPlace(before.place, after) && (own === null) === (ownBefore === null);
    if (unchanged) return [];
    await tx
      .update(eventOccurrences)
      .set({
        format: own?.format ?? null,
        venue: own?.venue ?? null,
        address: own?.address ?? null,
        onlineUrl: own?.onlineUrl ?? null,
        municipality: own?.municipality ?? null,
      })
      .where(eq(eventOccurrences.id, before.id));
    await tx
      .update(events)
      .set({ sequence: sql`${events.sequence} + 1`, updatedAt: now })
      .where(eq(events.id, before.eventId));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: own ? "event.date_place" : "event.date_place_clear",
      targetType: "event_occurrence",
      targetId: before.id,
      data: own ? { format: own.format } : {},
    });
    // Same place in other words (only the override set or cleared, or its municipality): nobody needs a mail.
    if (samePlace(before.place, after) || before.status === "cancelled" || before.endsAt < now) return [];
    const told = await interestedIn(tx, [before.id]);
    return [...told.keys()].map(
      (userId): EventNotice => ({
        kind: "changed",
        userId,
        occurrenceId: before.id,
        actorId: input.actorId,
        was: { [before.id]: wasOfDate(before) },
        urgent: isUrgent([before.startsAt], now),
        oneDate: true,
      }),
    );
  });
  await sendEventNotices(notices);
  return { notified: notices.length };
}
