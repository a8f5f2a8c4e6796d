// A date's own place in person has its own municipality: the events list filters that date by it,
// and its page names it; the other dates keep the event's.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eventOccurrences } from "@/db/schema";
import { setOccurrencePlaceAction } from "@/lib/events/actions";
import { getEventDetail } from "@/lib/events/data";
import { listEvents } from "@/lib/events/list-data";
import { respond } from "@/lib/events/rsvp-mutations";
import { berlinDateTimeToUtc } from "@/lib/events/time";
import { IDLE } from "@/lib/forms/state";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { actAs } from "../support/actions";
import { createTestEvent, daysFromNow, mailsTo } from "../support/event-factories";
import { createSession, createUser } from "../support/factories";
import { form } from "../support/forms";

/** A weekly series of three dates in Zeitz. */
const weekly = (coordinatorId: string) =>
  createTestEvent(coordinatorId, {
    frequency: "weekly",
    startsAt: berlinDateTimeToUtc(daysFromNow(10), "16:00"),
    untilDate: daysFromNow(24),
  });

const datesIn = async (municipality: string, eventId: string) =>
  (await listEvents({ viewer: null, filters: { when: "upcoming", municipality }, limit: 2000 })).items
    .filter((i) => i.eventId === eventId)
    .map((i) => [i.slotDate, i.municipality]);

describe("a date's own place in another municipality", () => {
  it("is found by the list filter under its own municipality, and its page names it; the other dates stay the event's", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const session = await createSession(coordinator.id);
    const { eventId, occurrences } = await weekly(coordinator.id);
    const [first, second, third] = occurrences;

    const saved = await actAs(session, () =>
      setOccurrencePlaceAction(
        IDLE,
        form({
          occurrenceId: second!.id,
          format: "in_person",
          venue: "Marientor",
          address: "Marientorgraben 1",
          municipality: "Naumburg (Saale)",
          onlineUrl: "",
        }),
      ),
    );
    expect(saved).toBe(`redirected:/events/${eventId}/edit?saved=placeChanged#dates`);

    expect(await datesIn("Naumburg (Saale)", eventId)).toEqual([[second!.slotDate, "Naumburg (Saale)"]]);
    expect(await datesIn("Zeitz", eventId)).toEqual([
      [first!.slotDate, "Zeitz"],
      [third!.slotDate, "Zeitz"],
    ]);
    const own = await getEventDetail({ eventId, viewer: null, slotDate: second!.slotDate });
    expect(own?.municipality).toBe("Naumburg (Saale)");
    const kept = await getEventDetail({ eventId, viewer: null, slotDate: third!.slotDate });
    expect(kept?.municipality).toBe("Zeitz");
  });

  it("keeps the event's when the form leaves it as it came, and has none when held online", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const session = await createSession(coordinator.id);
    const { eventId, occurrences } = await weekly(coordinator.id);
    const [, second, third] = occurrences;
    const place = (occurrenceId: string, fields: Record<string, string>) =>
      actAs(session, () => setOccurrencePlaceAction(IDLE, form({ occurrenceId, ...fields })));
    await place(second!.id, { format: "in_person", venue: "Bürgerhaus Zeitz", municipality: "Zeitz" });
    await place(third!.id, {
      format: "online",
      onlineUrl: "https://meet.example.org/x",
      municipality: "Zeitz",
    });

    expect((await datesIn("Zeitz", eventId)).map(([slot]) => slot)).toEqual([
      occurrences[0]!.slotDate,
      second!.slotDate,
    ]);
    const online = await getEventDetail({ eventId, viewer: null, slotDate: third!.slotDate });
    expect(online?.municipality).toBeNull();
  });

  it("changed alone is saved without mailing the attendees (the place reads the same)", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const session = await createSession(coordinator.id);
    const attendee = await createUser();
    const { eventId, occurrences } = await weekly(coordinator.id);
    const date = occurrences[1]!;
    await respond({ occurrenceId: date.id, userId: attendee.id, response: "yes" });
    const fields = { occurrenceId: date.id, format: "in_person", venue: "Vereinshaus", address: "" };
    await actAs(session, () => setOccurrencePlaceAction(IDLE, form({ ...fields, municipality: "Zeitz" })));
    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    const mailed = (await mailsTo(attendee.email)).length;

    await actAs(session, () =>
      setOccurrencePlaceAction(IDLE, form({ ...fields, municipality: "Elsteraue" })),
    );
    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    expect(await mailsTo(attendee.email)).toHaveLength(mailed);
    expect(await datesIn("Elsteraue", eventId)).toEqual([[date.slotDate, "Elsteraue"]]);
  });

  it("is refused when it is none of the network's, beside the field, and nothing is saved", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const { occurrences } = await weekly(coordinator.id);
    const date = occurrences[1]!;
    const result = await actAs(await createSession(coordinator.id), () =>
      setOccurrencePlaceAction(
        IDLE,
        form({ occurrenceId: date.id, format: "in_person", venue: "Vereinshaus", municipality: "Leipzig" }),
      ),
    );
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: { municipality: { key: "invalidChoice" } },
    });
    const db = await getDb();
    const [row] = await db.select().from(eventOccurrences).where(eq(eventOccurrences.id, date.id));
    expect([row?.format, row?.municipality]).toEqual([null, null]);
  });

  it("is refused to a member who does not run the event", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser();
    const { occurrences } = await weekly(coordinator.id);
    const date = occurrences[1]!;
    const result = await actAs(await createSession(member.id), () =>
      setOccurrencePlaceAction(
        IDLE,
        form({ occurrenceId: date.id, format: "in_person", venue: "Vereinshaus", municipality: "Elsteraue" }),
      ),
    );
    expect(result).toBe("notFound");
    const db = await getDb();
    const [row] = await db.select().from(eventOccurrences).where(eq(eventOccurrences.id, date.id));
    expect(row?.municipality).toBeNull();
  });
});
