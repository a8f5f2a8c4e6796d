/**
 * Answers to a date: yes, maybe or no, the waiting list moving up, and answers withdrawn from a leaving
 * member or from people who may no longer see the event.
 */
import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { eventOccurrences, eventRsvps, events, type RsvpResponse, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { peopleWhoSeeEvent } from "./access";
import { type EventNotice, sendEventNotices } from "./notices";

/** Answers still counting for a date: yes (going or waiting) and maybe. */
export async function interestedIn(tx: Executor, occurrenceIds: string[]): Promise<Map<string, string[]>> {
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
export async function promoteWaiting(tx: Executor, occurrenceId: string, capacity: number | null) {
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

/**
 * Withdraws the yes and maybe answers (waiting ones too) to coming dates of these events from the people
 * who may no longer see them (peopleWhoSeeEvent), inside the change that hid the event from them: they
 * could not even withdraw themselves. A date where they held a seat lets the waiting list move up.
 * Returns the notices to send after commit: the promotions, and one "withdrawn" per event and person.
 */
export async function withdrawAnswersOfOutsiders(
  tx: Executor,
  input: {
    eventIds: string[];
    /** Only these people's answers are looked at (e.g. the member who left a group). */
    userIds?: string[];
    /** The title they answered to, when the same change renames the event. */
    title?: string;
    now?: Date;
  },
): Promise<EventNotice[]> {
  if (input.eventIds.length === 0 || input.userIds?.length === 0) return [];
  const now = input.now ?? new Date();
  const answers = await tx
    .select({
      eventId: events.id,
      title: events.title,
      occurrenceId: eventOccurrences.id,
      userId: eventRsvps.userId,
      response: eventRsvps.response,
      waitingSince: eventRsvps.waitingSince,
    })
    .from(eventRsvps)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRsvps.occurrenceId))
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    // A blocked account keeps its answers: it is not this change that hides the event from it.
    .innerJoin(users, and(eq(users.id, eventRsvps.userId), eq(users.status, "approved")))
    .where(
      and(
        inArray(events.id, input.eventIds),
        input.userIds ? inArray(eventRsvps.userId, input.userIds) : undefined,
        ne(eventRsvps.response, "no"),
        gt(eventOccurrences.endsAt, now),
        eq(eventOccurrences.status, "scheduled"),
        eq(events.status, "scheduled"),
      ),
    );
  const byEvent = new Map<string, typeof answers>();
  for (const a of answers) byEvent.set(a.eventId, [...(byEvent.get(a.eventId) ?? []), a]);
  const gone: typeof answers = [];
  for (const [eventId, rows] of byEvent) {
    const seeing = await peopleWhoSeeEvent(tx, eventId, [...new Set(rows.map((r) => r.userId))]);
    gone.push(...rows.filter((r) => !seeing.has(r.userId)));
  }
  if (gone.length === 0) return [];
  // The dates where a seat frees are locked in id order, as withdrawAllAnswers does, before the
  // answers go and the seats are counted again.
  const seats = [
    ...new Set(gone.filter((r) => r.response === "yes" && !r.waitingSince).map((r) => r.occurrenceId)),
  ];
  const dates = seats.length
    ? await tx
        .select({ id: eventOccurrences.id, capacity: events.capacity })
        .from(eventOccurrences)
        .innerJoin(events, eq(events.id, eventOccurrences.eventId))
        .where(inArray(eventOccurrences.id, seats))
        .orderBy(asc(eventOccurrences.id))
        .for("update", { of: eventOccurrences })
    : [];
  const told = new Map<string, EventNotice & { kind: "withdrawn" }>();
  for (const r of gone) {
    const key = `${r.eventId} ${r.userId}`;
    const notice = told.get(key);
    if (notice) notice.answers += 1;
    else
      told.set(key, {
        kind: "withdrawn",
        userId: r.userId,
        eventId: r.eventId,
        title: input.title ?? r.title,
        answers: 1,
      });
  }
  // Per event, each of these people loses every answer of theirs among these dates (all coming ones).
  for (const eventId of new Set(gone.map((r) => r.eventId))) {
    const ofEvent = gone.filter((r) => r.eventId === eventId);
    await tx
      .delete(eventRsvps)
      .where(
        and(
          inArray(eventRsvps.userId, [...new Set(ofEvent.map((r) => r.userId))]),
          inArray(eventRsvps.occurrenceId, [...new Set(ofEvent.map((r) => r.occurrenceId))]),
          ne(eventRsvps.response, "no"),
        ),
      );
  }
  const notices: EventNotice[] = [...told.values()];
  for (const date of dates)
    for (const promoted of await promoteWaiting(tx, date.id, date.capacity))
      notices.push({ kind: "promoted", userId: promoted, occurrenceId: date.id });
  return notices;
}
