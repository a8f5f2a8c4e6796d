import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  calendarFeeds,
  type EventFormat,
  type EventFrequency,
  type EventVisibility,
  eventOccurrences,
  events,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { retitleNotifications } from "@/lib/notifications/mutations";
import { type DateWas, type EventNotice, isUrgent, sendEventNotices, wasOfDate } from "./notices";
import { ownPlaceOf, placeOfDate } from "./place";
import { expandSeries } from "./recurrence";
import { scheduleReminders } from "./reminders";
import { interestedIn, promoteWaiting, withdrawAnswersOfOutsiders } from "./rsvp-mutations";

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

const PLACE_FIELDS = ["format", "venue", "address", "onlineUrl"] as const;

/** The message of the error `updateEvent` throws when the event changed since the form was loaded. */
export const EVENT_CHANGED_MEANWHILE = "eventChangedMeanwhile";

/**
 * Saves an event. When its rule changes, dates are matched by their slot (the Berlin date the rule
 * gave them), so answers stay with their date; a moved date keeps its new time. People who answered
 * yes or maybe for a coming date whose time or place changed are told; freed seats go to the queue.
 * Who may no longer see it has their answers to coming dates withdrawn, and is told.
 * `sequence`: the version the form was loaded from (every change raises it); if the event has
 * changed since, nothing is written, so a stale form never undoes someone else's change.
 */
export async function updateEvent(input: {
  actorId: string;
  eventId: string;
  data: EventData;
  sequence?: number;
  now?: Date;
}) {
  const db = await getDb();
  const now = input.now ?? new Date();
  const notices = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(events).where(eq(events.id, input.eventId)).for("update");
    if (!before) throw new AppError({ code: "not_found", message: "notFound" });
    if (before.status === "cancelled") throw new AppError({ code: "conflict", message: "eventCancelled" });
    if (input.sequence !== undefined && input.sequence !== before.sequence)
      throw new AppError({ code: "conflict", message: EVENT_CHANGED_MEANWHILE });
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
    if (input.data.title !== before.title)
      await retitleNotifications({ subjectKey: `event:${before.id}`, title: input.data.title }, tx);
    // Made a working group's (or another group's, or run by someone else): who may no longer see it
    // loses their answers to its coming dates, before anyone is told of a change to them.
    const withdrawn =
      input.data.visibility === "group"
        ? await withdrawAnswersOfOutsiders(tx, { eventIds: [before.id], title: before.title, now })
        : [];
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
    const result: EventNotice[] = [...withdrawn, ...promotedNotices];
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
