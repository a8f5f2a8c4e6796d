import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eventRsvps } from "@/db/schema";
import { attendeesCsvResponse, personalFeedResponse, publicFeedResponse } from "@/lib/events/feeds";
import { renewFeedToken, respond } from "@/lib/events/mutations";
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
