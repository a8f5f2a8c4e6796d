import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eventOccurrences, events } from "@/db/schema";
import { publicFeedResponse } from "@/lib/events/feeds";
import { berlinDateTimeToUtc } from "@/lib/events/time";
import { createTestEvent, daysFromNow } from "../support/event-factories";
import { createUser } from "../support/factories";
import { ownDatabaseForThisFile } from "../support/own-database";

// Counts every event of the public feed, so no other file's events may join them.
ownDatabaseForThisFile();

const EARLIER = 1_200;

/** `count` copies of this event, each with its one date a minute apart, all before the original. */
async function copiesBefore(eventId: string, count: number) {
  const db = await getDb();
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  const [date] = await db.select().from(eventOccurrences).where(eq(eventOccurrences.eventId, eventId));
  const copies = Array.from({ length: count }, (_, i) => {
    const shift = (count - i) * 24 * 3_600_000;
    const startsAt = new Date(event!.startsAt.getTime() - shift);
    return {
      event: { ...event!, id: crypto.randomUUID(), title: `Sprechstunde ${i}`, startsAt },
      date: {
        ...date!,
        id: crypto.randomUUID(),
        slotDate: new Date(date!.startsAt.getTime() - shift).toISOString().slice(0, 10),
        startsAt,
        originalStartsAt: startsAt,
        endsAt: new Date(date!.endsAt.getTime() - shift),
      },
    };
  });
  for (let at = 0; at < copies.length; at += 400) {
    const batch = copies.slice(at, at + 400);
    await db.insert(events).values(batch.map((c) => c.event));
    await db.insert(eventOccurrences).values(batch.map((c) => ({ ...c.date, eventId: c.event.id })));
  }
}

describe("the public calendar feed of a busy network", () => {
  it("holds every coming event, the latest too, not only the first thousand", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const latest = await createTestEvent(coordinator.id, {
      title: "Jahresempfang des Netzwerks",
      startsAt: berlinDateTimeToUtc(daysFromNow(EARLIER + 30), "18:00"),
    });
    await copiesBefore(latest.eventId, EARLIER);

    const calendar = new ICAL.Component(ICAL.parse(await (await publicFeedResponse()).text()));
    const summaries = calendar.getAllSubcomponents("vevent").map((v) => v.getFirstPropertyValue("summary"));
    expect(summaries).toHaveLength(EARLIER + 1);
    expect(summaries.at(-1)).toBe("Jahresempfang des Netzwerks");
  }, 60_000);
});
