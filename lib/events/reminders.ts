import "server-only";
import { and, eq, gt, isNull, lte, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { eventOccurrences, eventRsvps, events, users } from "@/db/schema";
import { sendEventMail } from "@/emails/event-mails";
import { isLocale } from "@/lib/i18n/config";
import { sendJob } from "@/lib/jobs/queue";
import { peopleWhoSeeEvent } from "./access";
import { eventPath } from "./notices";
import { ownPlaceOf, placeOfDate } from "./place";

export const REMINDER_JOB = "events.reminder";
const DAY = 24 * 3_600_000;

/**
 * Queues a reminder a day before each coming date of the event. The job names the start it was
 * planned for, so a moved date's old reminder finds nothing to do.
 */
export async function scheduleReminders(eventId: string, now = new Date()): Promise<void> {
  const db = await getDb();
  const dates = await db
    .select({ id: eventOccurrences.id, startsAt: eventOccurrences.startsAt })
    .from(eventOccurrences)
    .where(
      and(
        eq(eventOccurrences.eventId, eventId),
        gt(eventOccurrences.startsAt, now),
        eq(eventOccurrences.status, "scheduled"),
      ),
    );
  for (const d of dates) {
    const startsAt = d.startsAt.toISOString();
    await sendJob(
      REMINDER_JOB,
      { occurrenceId: d.id, startsAt },
      {
        startAfter: new Date(Math.max(now.getTime(), d.startsAt.getTime() - DAY)),
        singletonKey: `${REMINDER_JOB}:${d.id}:${startsAt}`,
      },
    );
  }
}

/**
 * Sends the reminder for one date to everyone with a seat, once per start time: a date that is
 * cancelled, moved since the job was planned, or already reminded is skipped.
 */
export async function sendReminder(input: { occurrenceId: string; startsAt: string }): Promise<number> {
  const db = await getDb();
  const plannedFor = new Date(input.startsAt);
  const [occurrence] = await db
    .update(eventOccurrences)
    .set({ remindedFor: plannedFor })
    .where(
      and(
        eq(eventOccurrences.id, input.occurrenceId),
        eq(eventOccurrences.startsAt, plannedFor),
        eq(eventOccurrences.status, "scheduled"),
        or(isNull(eventOccurrences.remindedFor), ne(eventOccurrences.remindedFor, plannedFor)),
        sql`exists (select 1 from ${events} where ${events.id} = ${eventOccurrences.eventId} and ${events.status} = 'scheduled')`,
      ),
    )
    .returning();
  if (!occurrence) return 0;
  const [event] = await db.select().from(events).where(eq(events.id, occurrence.eventId));
  const place = placeOfDate(event!, ownPlaceOf(occurrence));
  const answered = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(eventRsvps)
    .innerJoin(users, eq(users.id, eventRsvps.userId))
    .where(
      and(
        eq(eventRsvps.occurrenceId, occurrence.id),
        eq(eventRsvps.response, "yes"),
        isNull(eventRsvps.waitingSince),
        eq(users.status, "approved"),
      ),
    );
  const seeing = await peopleWhoSeeEvent(
    db,
    event!.id,
    answered.map((a) => a.id),
  );
  const attendees = answered.filter((a) => seeing.has(a.id));
  for (const a of attendees) {
    try {
      await sendEventMail({
        kind: "reminder",
        to: a.email,
        locale: isLocale(a.locale) ? a.locale : "de",
        name: a.name,
        title: event!.title,
        eventPath: eventPath(event!.id, occurrence.slotDate),
        when: { start: occurrence.startsAt, end: occurrence.endsAt },
        place,
        onlineUrl: place.format === "online" ? place.onlineUrl : null,
      });
    } catch (error) {
      console.error(`Event reminder to ${a.email} failed:`, error);
    }
  }
  return attendees.length;
}

/** Safety net run every hour: any coming date within a day that has not had its reminder gets it now. */
export async function sendDueReminders(now = new Date()): Promise<number> {
  const db = await getDb();
  const due = await db
    .select({ id: eventOccurrences.id, startsAt: eventOccurrences.startsAt })
    .from(eventOccurrences)
    .where(
      and(
        gt(eventOccurrences.startsAt, now),
        lte(eventOccurrences.startsAt, new Date(now.getTime() + DAY)),
        eq(eventOccurrences.status, "scheduled"),
        or(isNull(eventOccurrences.remindedFor), ne(eventOccurrences.remindedFor, eventOccurrences.startsAt)),
      ),
    )
    .limit(500);
  let sent = 0;
  for (const d of due) sent += await sendReminder({ occurrenceId: d.id, startsAt: d.startsAt.toISOString() });
  return sent;
}
