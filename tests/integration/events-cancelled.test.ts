import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eventOccurrences, notifications } from "@/db/schema";
import { moveOccurrence, setOccurrenceStatus } from "@/lib/events/date-mutations";
import { cancelEvent, updateEvent } from "@/lib/events/mutations";
import { respond } from "@/lib/events/rsvp-mutations";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { createTestEvent, daysFromNow, mailsTo } from "../support/event-factories";
import { createUser } from "../support/factories";
import { MAIL_WINDOW } from "../support/notification-lines";

describe("a cancelled event", () => {
  it("cannot be edited, nor its dates moved, cancelled or restored", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const { eventId, occurrences, data } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      untilDate: daysFromNow(25),
    });
    const [first, second] = occurrences;
    await setOccurrenceStatus({ actorId: coordinator.id, occurrenceId: second!.id, status: "cancelled" });
    await cancelEvent({ actorId: coordinator.id, eventId });

    await expect(
      updateEvent({ actorId: coordinator.id, eventId, data: { ...data, venue: "Schloss Moritzburg" } }),
    ).rejects.toThrow("eventCancelled");
    const later = new Date(first!.startsAt.getTime() + 3_600_000);
    await expect(
      moveOccurrence({
        actorId: coordinator.id,
        occurrenceId: first!.id,
        startsAt: later,
        endsAt: new Date(later.getTime() + 3_600_000),
      }),
    ).rejects.toThrow("eventCancelled");
    await expect(
      setOccurrenceStatus({ actorId: coordinator.id, occurrenceId: first!.id, status: "cancelled" }),
    ).rejects.toThrow("eventCancelled");
    await expect(
      setOccurrenceStatus({ actorId: coordinator.id, occurrenceId: second!.id, status: "scheduled" }),
    ).rejects.toThrow("eventCancelled");

    const db = await getDb();
    const after = await db
      .select()
      .from(eventOccurrences)
      .where(eq(eventOccurrences.eventId, eventId))
      .orderBy(eventOccurrences.slotDate);
    expect(after[0]).toMatchObject({ startsAt: first!.startsAt, status: "scheduled" });
    expect(after[1]).toMatchObject({ status: "cancelled" });
  });

  it("does not mail a change that was still waiting to go out when the event was cancelled", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const attendee = await createUser();
    const { eventId, occurrences, data } = await createTestEvent(coordinator.id);
    await respond({ occurrenceId: occurrences[0]!.id, userId: attendee.id, response: "yes" });
    await updateEvent({ actorId: coordinator.id, eventId, data: { ...data, venue: "Schloss Moritzburg" } });
    await cancelEvent({ actorId: coordinator.id, eventId });

    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });

    const subjects = (await mailsTo(attendee.email)).map((m) => m.subject);
    expect(subjects).toEqual([`Abgesagt: ${data.title}`]);
    const db = await getDb();
    const [change] = await db.select().from(notifications).where(eq(notifications.recipientId, attendee.id));
    expect(change).toMatchObject({ kind: "event_change", emailStatus: "skipped" });
  });
});
