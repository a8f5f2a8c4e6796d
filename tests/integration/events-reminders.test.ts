import { describe, expect, it } from "vitest";
import { REMINDER_JOB, scheduleReminders } from "@/lib/events/reminders";
import { respond } from "@/lib/events/rsvp-mutations";
import { jobStates, runQueuedJobs } from "@/lib/jobs/testing";
import { createTestEvent, mailsTo } from "../support/event-factories";
import { createUser } from "../support/factories";

describe("reminder jobs", () => {
  it("queues a reminder a day before each date and the worker mails the attendees", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser({ name: "Olena Erinnert" });
    const startsAt = new Date(Date.now() + 30 * 3_600_000);
    const { eventId, occurrences, data } = await createTestEvent(coordinator.id, { startsAt });
    await respond({ occurrenceId: occurrences[0]!.id, userId: member.id, response: "yes" });
    await scheduleReminders(eventId); // a second call adds nothing: one job per date and start

    const states = await jobStates(REMINDER_JOB);
    expect(states).toHaveLength(1);
    expect(
      Math.abs(
        new Date(states[0]!.startAfter).getTime() - (occurrences[0]!.startsAt.getTime() - 24 * 3_600_000),
      ),
    ).toBeLessThan(2000);

    expect((await runQueuedJobs({ names: [REMINDER_JOB] })).completed).toBe(0); // not due yet
    await runQueuedJobs({ names: [REMINDER_JOB], dueWithinMs: 7 * 3_600_000 });
    const [mail] = await mailsTo(member.email);
    expect(mail?.subject).toBe(`Erinnerung: ${data.title}`);
    expect(mail?.text).toContain("Olena Erinnert");
  });
});
