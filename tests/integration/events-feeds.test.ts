import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eventRsvps } from "@/db/schema";
import {
  attendeesCsvResponse,
  eventIcsResponse,
  personalFeedResponse,
  publicFeedResponse,
} from "@/lib/events/feeds";
import { renewFeedToken } from "@/lib/events/mutations";
import { respond } from "@/lib/events/rsvp-mutations";
import { createTestEvent } from "../support/event-factories";
import { createUser } from "../support/factories";

describe("attendee CSV", () => {
  it("writes when each person answered in Berlin time, as the attendee page shows it", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const attendee = await createUser({ name: "Clara Csv" });
    const { eventId, occurrences } = await createTestEvent(coordinator.id);
    await respond({ occurrenceId: occurrences[0]!.id, userId: attendee.id, response: "yes" });
    const db = await getDb();
    await db
      .update(eventRsvps)
      .set({ updatedAt: new Date("2026-11-25T14:49:31.123Z") })
      .where(eq(eventRsvps.userId, attendee.id));

    const csv = await (
      await attendeesCsvResponse(eventId, occurrences[0]!.slotDate, {
        ...coordinator,
        locale: "de",
        needsConsent: false,
      })
    ).text();
    const row = csv.split(/\r?\n/).find((line) => line.includes("Clara Csv"));
    expect(row).toMatch(/[,;]"?25\.11\.2026 15:49"?$/);
    expect(csv).not.toContain("2026-11-25T");
  });
});

/** The CATEGORIES of the event with this UID, as a calendar program reads them. */
function categoriesOf(ics: string, eventId: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar
    .getAllSubcomponents("vevent")
    .find((v) => v.getFirstPropertyValue("uid") === `${eventId}@knotenpunkt`);
  return vevent?.getFirstProperty("categories")?.getValues().map(String) ?? [];
}

describe("calendar topics", () => {
  it("are the topic's label in the feed's language, not the internal key", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const ukrainian = await createUser({ locale: "uk" });
    const { eventId } = await createTestEvent(coordinator.id, { topic: "children_family" });

    const publicFeed = await (await publicFeedResponse()).text();
    expect(categoriesOf(publicFeed, eventId)).toEqual(["Kinder & Familie"]);
    expect(publicFeed).not.toContain("CATEGORIES:children_family");

    const token = await renewFeedToken(ukrainian.id);
    const personal = await (await personalFeedResponse(`${token}.ics`)).text();
    expect(categoriesOf(personal, eventId)).toEqual(["Діти та сімʼя"]);
  });
});

/** The LOCATION of the event with this UID, as a calendar program reads it. */
function locationOf(ics: string, eventId: string): string | undefined {
  const vevent = new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents("vevent")
    .find((v) => v.getFirstPropertyValue("uid") === `${eventId}@knotenpunkt`);
  return vevent?.getFirstPropertyValue("location")?.toString();
}

describe("an online link kept for attendees", () => {
  it("is in the calendars of those who said yes and who run the event, not of others", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const [attendee, waiting, undecided] = [await createUser(), await createUser(), await createUser()];
    const link = `https://meet.example.org/sprechstunde-${crypto.randomUUID().slice(0, 8)}`;
    const { eventId, occurrences } = await createTestEvent(coordinator.id, {
      format: "online",
      venue: null,
      address: null,
      onlineUrl: link,
      onlineUrlAttendeesOnly: true,
      capacity: 1,
    });
    const date = occurrences[0]!.id;
    await respond({ occurrenceId: date, userId: attendee.id, response: "yes" });
    await respond({ occurrenceId: date, userId: waiting.id, response: "yes" }); // the one seat is taken
    const fileFor = async (user: { id: string; status: string; role: string } | null) =>
      locationOf(await (await eventIcsResponse(eventId, user, "de")).text(), eventId);
    const feedOf = async (user: { id: string }) =>
      locationOf(await (await personalFeedResponse(`${await renewFeedToken(user.id)}.ics`)).text(), eventId);

    expect(await fileFor(attendee)).toBe(`Online: ${link}`);
    expect(await feedOf(attendee)).toBe(`Online: ${link}`);
    expect(await fileFor(coordinator)).toBe(`Online: ${link}`);
    for (const other of [waiting, undecided]) {
      expect(await fileFor(other)).toBe("Online");
      expect(await feedOf(other)).toBe("Online");
    }
    expect(await fileFor(null)).toBe("Online");
    expect(locationOf(await (await publicFeedResponse()).text(), eventId)).toBe("Online");
  });
});
