import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, gt, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import {
  calendarFeeds,
  type EventFormat,
  type EventFrequency,
  type EventVisibility,
  eventOccurrences,
  eventRsvps,
  events,
  type RsvpResponse,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { type DateWas, type EventNotice, sendEventNotices } from "./notices";
import { cleanPlace, ownPlaceOf, type Place, placeOfDate, samePlace, sameSavedPlace } from "./place";
import { expandSeries } from "./recurrence";
import { scheduleReminders } from "./reminders";

export type EventData = {
  title: string;
  description: string;
  topic: string | null;
  languages: string[];
  format: EventFormat;
  venue: string | null;
  address: string | null;
  municipality: string | null;
  onlineUrl: string | null;
  onlineUrlAttendeesOnly: boolean;
  accessibility: string | null;
  organiserUserId: string | null;
  organiserOrganisationId: string | null;
  visibility: EventVisibility;
  groupId: string | null;
  startsAt: Date;
  durationMinutes: number;
  frequency: EventFrequency;
  untilDate: string | null;
  capacity: number | null;
};

const ruleOf = (e: Pick<EventData, "frequency" | "startsAt" | "durationMinutes" | "untilDate">) => ({
  frequency: e.frequency,
  startsAt: e.startsAt,
  durationMinutes: e.durationMinutes,
  untilDate: e.frequency === "none" ? null : e.untilDate,
});

export async function createEvent(input: { actorId: string; data: EventData }): Promise<{ eventId: string }> {
  const db = await getDb();
  const slots = expandSeries(ruleOf(input.data));
  const eventId = await db.transaction(async (tx) => {
    const [event] = await tx
      .insert(events)
      .values({ ...input.data, createdById: input.actorId })
      .returning({ id: events.id });
    await tx.insert(eventOccurrences).values(
      slots.map((s) => ({
        eventId: event!.id,
        slotDate: s.slotDate,
        originalStartsAt: s.startsAt,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
      })),
    );
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "event.create",
      targetType: "event",
      targetId: event!.id,
      data: { title: input.data.title, dates: slots.length },
    });
    return event!.id;
  });
  await scheduleReminders(eventId);
  return { eventId };
}

/** Answers still counting for a date: yes (going or waiting) and maybe. */
async function interestedIn(tx: Executor, occurrenceIds: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (occurrenceIds.length === 0) return result;
  const rows = await tx
    .select({ occurrenceId: eventRsvps.occurrenceId, userId: eventRsvps.userId })
    .from(eventRsvps)
    .where(and(inArray(eventRsvps.occurrenceId, occurrenceIds), ne(eventRsvps.response, "no")));
  for (const r of rows) result.set(r.userId, [...(result.get(r.userId) ?? []), r.occurrenceId]);
  return result;
}

/** Lets waiting people in, first come first served, while seats are free. Call with the date locked. */
async function promoteWaiting(tx: Executor, occurrenceId: string, capacity: number | null) {
  const [row] = await tx
    .select({ going: sql<number>`count(*)`.mapWith(Number) })
    .from(eventRsvps)
    .where(
      and(
        eq(eventRsvps.occurrenceId, occurrenceId),
        eq(eventRsvps.response, "yes"),
        isNull(eventRsvps.waitingSince),
      ),
    );
  const free = capacity === null ? Number.MAX_SAFE_INTEGER : capacity - (row?.going ?? 0);
  if (free <= 0) return [];
  const next = await tx
    .select({ userId: eventRsvps.userId })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.occurrenceId, occurrenceId), isNotNull(eventRsvps.waitingSince)))
    .orderBy(asc(eventRsvps.waitingSince), asc(eventRsvps.userId))
    .limit(Math.min(free, 10_000));
  if (next.length === 0) return [];
  const ids = next.map((n) => n.userId);
  await tx
    .update(eventRsvps)
    .set({ waitingSince: null, updatedAt: new Date() })
    .where(and(eq(eventRsvps.occurrenceId, occurrenceId), inArray(eventRsvps.userId, ids)));
  return ids;
}

export type RsvpState = "going" | "waiting" | "maybe" | "no";

/**
 * Records an answer for one date. The date's row is locked first, so two people asking for the last
 * seat at the same moment are served one after the other: one gets it, the other waits. A "yes"
 * that is withdrawn lets the first waiting person in, who is told by e-mail.
 */
export async function respond(input: {
  occurrenceId: string;
  userId: string;
  response: RsvpResponse;
  now?: Date;
}): Promise<{ state: RsvpState; promoted: string[] }> {
  const db = await getDb();
  const now = input.now ?? new Date();
  const result = await db.transaction(async (tx) => {
    const [occurrence] = await tx
      .select({
        id: eventOccurrences.id,
        status: eventOccurrences.status,
        endsAt: eventOccurrences.endsAt,
        eventStatus: events.status,
        capacity: events.capacity,
      })
      .from(eventOccurrences)
      .innerJoin(events, eq(events.id, eventOccurrences.eventId))
      .where(eq(eventOccurrences.id, input.occurrenceId))
      .for("update", { of: eventOccurrences });
    if (!occurrence) throw new AppError({ code: "not_found", message: "notFound" });
    if (occurrence.status === "cancelled" || occurrence.eventStatus === "cancelled")
      throw new AppError({ code: "conflict", message: "dateCancelled" });
    if (occurrence.endsAt < now) throw new AppError({ code: "conflict", message: "dateOver" });
    const key = and(eq(eventRsvps.occurrenceId, occurrence.id), eq(eventRsvps.userId, input.userId));
    const [existing] = await tx
      .select({ response: eventRsvps.response, waitingSince: eventRsvps.waitingSince })
      .from(eventRsvps)
      .where(key);
    if (input.response === "yes" && existing?.response === "yes") {
      return { state: existing.waitingSince ? "waiting" : "going", promoted: [] } as const;
    }
    let waitingSince: Date | null = null;
    if (input.response === "yes" && occurrence.capacity !== null) {
      const [row] = await tx
        .select({ going: sql<number>`count(*)`.mapWith(Number) })
        .from(eventRsvps)
        .where(
          and(
            eq(eventRsvps.occurrenceId, occurrence.id),
            eq(eventRsvps.response, "yes"),
            isNull(eventRsvps.waitingSince),
          ),
        );
      if ((row?.going ?? 0) >= occurrence.capacity) waitingSince = now;
    }
    await tx
      .insert(eventRsvps)
      .values({
        occurrenceId: occurrence.id,
        userId: input.userId,
        response: input.response,
        waitingSince,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [eventRsvps.occurrenceId, eventRsvps.userId],
        set: { response: input.response, waitingSince, updatedAt: now },
      });
    const wasGoing = existing?.response === "yes" && !existing.waitingSince;
    const promoted = wasGoing ? await promoteWaiting(tx, occurrence.id, occurrence.capacity) : [];
    const state: RsvpState = input.response === "yes" ? (waitingSince ? "waiting" : "going") : input.response;
    return { state, promoted };
  });
  if (result.promoted.length > 0) {
    await sendEventNotices(
      result.promoted.map((userId) => ({ kind: "promoted", userId, occurrenceId: input.occurrenceId })),
    );
  }
  return { ...result, promoted: [...result.promoted] };
}

/**
 * Removes a member's answers (their account is being deleted, inside that transaction). Each coming
 * date where they held a seat lets the waiting list move up; the returned notices are sent after commit.
 */
export async function withdrawAllAnswers(
  tx: Executor,
  userId: string,
  now = new Date(),
): Promise<EventNotice[]> {
  const seats = await tx
    .select({ id: eventOccurrences.id, capacity: events.capacity })
    .from(eventRsvps)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRsvps.occurrenceId))
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(
      and(
        eq(eventRsvps.userId, userId),
        eq(eventRsvps.response, "yes"),
        isNull(eventRsvps.waitingSince),
        gt(eventOccurrences.endsAt, now),
        eq(eventOccurrences.status, "scheduled"),
        eq(events.status, "scheduled"),
      ),
    )
    .orderBy(asc(eventOccurrences.id))
    // The dates are locked in id order (rows are locked after the sort), as respond() locks one date:
    // the seat count cannot change underneath.
    .for("update", { of: eventOccurrences });
  await tx.delete(eventRsvps).where(eq(eventRsvps.userId, userId));
  const notices: EventNotice[] = [];
  for (const seat of seats)
    for (const promoted of await promoteWaiting(tx, seat.id, seat.capacity))
      notices.push({ kind: "promoted", userId: promoted, occurrenceId: seat.id });
  return notices;
}

const PLACE_FIELDS = ["format", "venue", "address", "onlineUrl"] as const;

/** A change this close to a date is mailed at once, not after the burst delay. */
const URGENT_WITHIN_MS = 48 * 3_600_000;
const isUrgent = (starts: Date[], now: Date) =>
  starts.some((d) => d.getTime() < now.getTime() + URGENT_WITHIN_MS);

/**
 * Saves an event. When its rule changes, dates are matched by their slot (the Berlin date the rule
 * gave them), so answers stay with their date; a moved date keeps its new time. People who answered
 * yes or maybe for a coming date whose time or place changed are told; freed seats go to the queue.
 */
export async function updateEvent(input: { actorId: string; eventId: string; data: EventData; now?: Date }) {
  const db = await getDb();
  const now = input.now ?? new Date();
  const notices = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(events).where(eq(events.id, input.eventId)).for("update");
    if (!before) throw new AppError({ code: "not_found", message: "notFound" });
    if (before.status === "cancelled") throw new AppError({ code: "conflict", message: "eventCancelled" });
    const existing = await tx
      .select()
      .from(eventOccurrences)
      .where(eq(eventOccurrences.eventId, before.id))
      .for("update");
    const placeChanged = PLACE_FIELDS.some((f) => before[f] !== input.data[f]);
    const slots = expandSeries(ruleOf(input.data));
    const bySlot = new Map(existing.map((o) => [o.slotDate, o]));
    const changed = new Set<string>();
    const newStart = new Map<string, Date>();
    for (const slot of slots) {
      const old = bySlot.get(slot.slotDate);
      if (!old) {
        await tx.insert(eventOccurrences).values({
          eventId: before.id,
          slotDate: slot.slotDate,
          originalStartsAt: slot.startsAt,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
        });
        continue;
      }
      bySlot.delete(slot.slotDate);
      const moved = old.startsAt.getTime() !== old.originalStartsAt.getTime();
      const startsAt = moved ? old.startsAt : slot.startsAt;
      const endsAt = moved ? old.endsAt : slot.endsAt;
      if (startsAt.getTime() !== old.startsAt.getTime() || endsAt.getTime() !== old.endsAt.getTime())
        changed.add(old.id);
      // A date with a place of its own keeps it when the event's place changes.
      if (placeChanged && !ownPlaceOf(old)) changed.add(old.id);
      newStart.set(old.id, startsAt);
      // A moved date keeps the original time its attendees were told it was moved from.
      await tx
        .update(eventOccurrences)
        .set({ originalStartsAt: moved ? old.originalStartsAt : slot.startsAt, startsAt, endsAt })
        .where(eq(eventOccurrences.id, old.id));
    }
    const dropped = [...bySlot.values()];
    const droppedComing = dropped.filter((o) => o.endsAt >= now && o.status === "scheduled").map((o) => o.id);
    const toldOfDrop = await interestedIn(tx, droppedComing);
    if (dropped.length > 0)
      await tx.delete(eventOccurrences).where(
        inArray(
          eventOccurrences.id,
          dropped.map((o) => o.id),
        ),
      );
    await tx
      .update(events)
      .set({ ...input.data, sequence: before.sequence + 1, updatedAt: now })
      .where(eq(events.id, before.id));
    const coming = existing.filter(
      (o) => o.endsAt >= now && o.status === "scheduled" && !bySlot.has(o.slotDate),
    );
    const told = await interestedIn(
      tx,
      coming.filter((o) => changed.has(o.id)).map((o) => o.id),
    );
    const promotedNotices: EventNotice[] = [];
    if (input.data.capacity === null || (before.capacity !== null && input.data.capacity > before.capacity)) {
      for (const o of coming) {
        for (const userId of await promoteWaiting(tx, o.id, input.data.capacity))
          promotedNotices.push({ kind: "promoted", userId, occurrenceId: o.id });
      }
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "event.update",
      targetType: "event",
      targetId: before.id,
      data: { changedDates: changed.size, droppedDates: dropped.length, placeChanged },
    });
    const result: EventNotice[] = [...promotedNotices];
    const oldById = new Map(existing.map((o) => [o.id, o]));
    const wasOf = (id: string): DateWas => {
      const o = oldById.get(id)!;
      return wasOfDate({ ...o, place: placeOfDate(before, ownPlaceOf(o)) });
    };
    for (const [userId, occurrenceIds] of told)
      result.push({
        kind: "changed",
        userId,
        occurrenceId: occurrenceIds[0]!,
        actorId: input.actorId,
        was: Object.fromEntries(occurrenceIds.map((id) => [id, wasOf(id)])),
        urgent: isUrgent(
          occurrenceIds.flatMap((id) => [wasOf(id).start, newStart.get(id)!]),
          now,
        ),
      });
    // Dropped dates are deleted by now: their notices carry the times they had.
    const droppedById = new Map(dropped.map((o) => [o.id, { start: o.startsAt, end: o.endsAt }]));
    for (const [userId, occurrenceIds] of toldOfDrop)
      result.push({
        kind: "cancelled",
        userId,
        eventId: before.id,
        title: before.title,
        occurrenceIds,
        dates: occurrenceIds.map((id) => droppedById.get(id)!),
        actorId: input.actorId,
      });
    return result;
  });
  await sendEventNotices(notices);
  await scheduleReminders(input.eventId);
  return { notified: notices.length };
}

/** Cancels the whole event; everyone who answered yes or maybe for a coming date is told. */
export async function cancelEvent(input: { actorId: string; eventId: string; now?: Date }) {
  const db = await getDb();
  const now = input.now ?? new Date();
  const notices = await db.transaction(async (tx) => {
    const [event] = await tx
      .update(events)
      .set({ status: "cancelled", sequence: sql`${events.sequence} + 1`, updatedAt: now })
      .where(and(eq(events.id, input.eventId), eq(events.status, "scheduled")))
      .returning({ id: events.id, title: events.title });
    if (!event) return [];
    const coming = await tx
      .select({ id: eventOccurrences.id })
      .from(eventOccurrences)
      .where(
        and(
          eq(eventOccurrences.eventId, event.id),
          gt(eventOccurrences.endsAt, now),
          eq(eventOccurrences.status, "scheduled"),
        ),
      );
    const told = await interestedIn(
      tx,
      coming.map((o) => o.id),
    );
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "event.cancel",
      targetType: "event",
      targetId: event.id,
    });
    return [...told].map(
      ([userId, occurrenceIds]): EventNotice => ({
        kind: "cancelled",
        userId,
        eventId: event.id,
        title: event.title,
        occurrenceIds,
        actorId: input.actorId,
        wholeEvent: true,
      }),
    );
  });
  await sendEventNotices(notices);
  return { notified: notices.length };
}

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

/** What a date was before an organiser's change, for the change mail's "bisher". */
const wasOfDate = (d: { startsAt: Date; endsAt: Date; place: Place }): DateWas => ({
  start: d.startsAt,
  end: d.endsAt,
  format: d.place.format,
  venue: d.place.venue,
  address: d.place.address,
  onlineUrl: d.place.onlineUrl,
});

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

/** A new secret feed address for the member; the old one stops working at once. */
export async function renewFeedToken(userId: string): Promise<string> {
  const db = await getDb();
  const token = randomBytes(24).toString("base64url");
  await db
    .insert(calendarFeeds)
    .values({ userId, token })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { token, createdAt: new Date() } });
  return token;
}

export async function revokeFeedToken(userId: string): Promise<void> {
  const db = await getDb();
  await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}
