import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eventOccurrences, organisations, profiles, users, VISIBILITY } from "@/db/schema";
import { moveOccurrence, setOccurrenceStatus } from "@/lib/events/date-mutations";
import { cancelEvent, updateEvent } from "@/lib/events/mutations";
import { respond } from "@/lib/events/rsvp-mutations";
import { getContentVersions } from "@/lib/page-cache/data";
import { EVENT_TIMES_SCOPE } from "@/lib/page-cache/paths";
import { createTestEvent } from "../support/event-factories";
import { createOrganisation, createUser } from "../support/factories";

const version = async () => (await getContentVersions()).events ?? 1;
const seconds = (date: Date) => Math.ceil(date.getTime() / 1000);

describe("visitors' cached events pages", () => {
  it("raise the events content version with every change such a page shows", async () => {
    const db = await getDb();
    const coordinator = await createUser({ role: "coordinator" });
    const organiser = await createUser({ name: "Olga Organisatorin" });
    await db.insert(profiles).values({ userId: organiser.id });
    const organisation = await createOrganisation();
    const attendee = await createUser();
    const created = await version();
    const { eventId, data, occurrences } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      capacity: 1,
      organiserUserId: organiser.id,
      organiserOrganisationId: organisation.id,
    });
    expect(await version(), "created").toBeGreaterThan(created);
    const [first, second] = occurrences;
    const later = new Date(first!.startsAt.getTime() + 3_600_000);
    const changes: [string, () => Promise<unknown>][] = [
      ["edit", () => updateEvent({ actorId: coordinator.id, eventId, data: { ...data, title: "Neu" } })],
      ["rsvp", () => respond({ occurrenceId: first!.id, userId: attendee.id, response: "yes" })],
      [
        "date moved",
        () =>
          moveOccurrence({
            actorId: coordinator.id,
            occurrenceId: first!.id,
            startsAt: later,
            endsAt: new Date(later.getTime() + 3_600_000),
          }),
      ],
      [
        "date cancelled",
        () => setOccurrenceStatus({ actorId: coordinator.id, occurrenceId: second!.id, status: "cancelled" }),
      ],
      [
        "organiser renamed",
        () => db.update(users).set({ name: "Olga N." }).where(eq(users.id, organiser.id)),
      ],
      [
        "organiser's name hidden",
        () =>
          db.update(profiles).set({ visName: VISIBILITY.hidden }).where(eq(profiles.userId, organiser.id)),
      ],
      [
        "organisation renamed",
        () =>
          db.update(organisations).set({ name: "Neuer Name" }).where(eq(organisations.id, organisation.id)),
      ],
      ["event cancelled", () => cancelEvent({ actorId: coordinator.id, eventId })],
    ];
    for (const [change, run] of changes) {
      const before = await version();
      await run();
      expect(await version(), change).toBeGreaterThan(before);
    }
  });

  it("change their clock when an event date starts and when it ends", async () => {
    const db = await getDb();
    const coordinator = await createUser({ role: "coordinator" });
    // Far in the future, where no other test's dates are.
    const startsAt = new Date(Date.UTC(2090 + Math.floor(Math.random() * 9), 2, 3, 9, 0, 0));
    const { occurrences } = await createTestEvent(coordinator.id, { startsAt, durationMinutes: 90 });
    const endsAt = occurrences[0]!.endsAt;
    expect(endsAt.getTime() - startsAt.getTime()).toBe(90 * 60_000);
    const clockAt = async (now: Date) => (await getContentVersions(now))[EVENT_TIMES_SCOPE];

    expect(await clockAt(new Date(startsAt.getTime() - 60_000))).toBe(seconds(startsAt));
    // Under way, it still counts as coming (the list shows it until it ends).
    expect(await clockAt(new Date(startsAt.getTime() + 60_000))).toBe(seconds(endsAt));

    // A date moved to start later moves the clock with it.
    await db
      .update(eventOccurrences)
      .set({ startsAt: new Date(startsAt.getTime() + 30 * 60_000) })
      .where(eq(eventOccurrences.id, occurrences[0]!.id));
    expect(await clockAt(new Date(startsAt.getTime() - 60_000))).toBe(seconds(startsAt) + 30 * 60);
  });
});
