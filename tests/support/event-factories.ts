// Events for integration tests: unique rows, so tests can share one PostgreSQL database.
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { devOutbox, eventOccurrences } from "@/db/schema";
import { createEvent, type EventData } from "@/lib/events/mutations";
import { berlinDateTimeToUtc } from "@/lib/events/time";

const DAY = 24 * 3_600_000;

/** A Berlin date `days` from now, as "YYYY-MM-DD". */
export function daysFromNow(days: number): string {
  const d = new Date(Date.now() + days * DAY);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(d);
}

/**
 * A start between one and two days from now, whatever the time of day: a change to it is urgent
 * (mailed at once, within two days), and its reminder (a day before) is not due yet. "Tomorrow at
 * 16:00" was less than a day away from 16:00 on, and its reminder went out too.
 */
export const inThirtySixHours = () => new Date(Date.now() + 36 * 3_600_000);

export function eventData(overrides: Partial<EventData> = {}): EventData {
  return {
    title: `Netzwerktreffen ${crypto.randomUUID().slice(0, 8)}`,
    description: "Austausch der **Beratungsstellen**.",
    topic: "counselling",
    languages: ["de", "ar"],
    format: "in_person",
    venue: "Rathaus Zeitz, Saal 2",
    address: "Altmarkt 1, 06712 Zeitz",
    municipality: "Zeitz",
    onlineUrl: null,
    onlineUrlAttendeesOnly: true,
    accessibility: "Stufenloser Zugang",
    organiserUserId: null,
    organiserOrganisationId: null,
    visibility: "public",
    groupId: null,
    startsAt: berlinDateTimeToUtc(daysFromNow(10), "10:00"),
    durationMinutes: 90,
    frequency: "none",
    untilDate: null,
    capacity: null,
    ...overrides,
  };
}

/** Creates an event and returns it with its dates in order. */
export async function createTestEvent(actorId: string, overrides: Partial<EventData> = {}) {
  const data = eventData(overrides);
  const { eventId } = await createEvent({ actorId, data });
  const db = await getDb();
  const occurrences = await db
    .select()
    .from(eventOccurrences)
    .where(eq(eventOccurrences.eventId, eventId))
    .orderBy(eventOccurrences.startsAt);
  return { eventId, data, occurrences };
}

/** Mails stored in demo mode for one address, newest first. */
export async function mailsTo(to: string) {
  const db = await getDb();
  return db.select().from(devOutbox).where(eq(devOutbox.to, to)).orderBy(desc(devOutbox.createdAt));
}
