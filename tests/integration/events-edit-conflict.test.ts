// Two people edit the same event: a save from a form loaded before the other's change is refused,
// so it never silently undoes that change (a second "time changed" mail, dropped dates back).
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { eventOccurrences, events, organisationAdmins } from "@/db/schema";
import { toEventViewer } from "@/lib/events/access";
import { updateEventAction } from "@/lib/events/actions";
import { getEventForEdit } from "@/lib/events/editor-data";
import { type EventFormValues, eventFormValues } from "@/lib/events/form-values";
import { formatWhen } from "@/lib/events/format";
import { updateEvent } from "@/lib/events/mutations";
import { respond } from "@/lib/events/rsvp-mutations";
import { berlinDateTimeToUtc } from "@/lib/events/time";
import { IDLE } from "@/lib/forms/state";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { actAs } from "../support/actions";
import { createTestEvent, daysFromNow, mailsTo } from "../support/event-factories";
import { createMember, createOrganisation, createSession, createUser } from "../support/factories";

vi.mock("next-intl/server", async (original) => ({
  ...(await original<typeof import("next-intl/server")>()),
  getLocale: async () => "de",
}));

/** The edit page's form for this person, as it was filled in when they opened it. */
async function openEditForm(eventId: string, who: Parameters<typeof toEventViewer>[0] & { id: string }) {
  const event = await getEventForEdit(eventId, toEventViewer(who));
  return eventFormValues(event!, who.id);
}

function formOf(values: EventFormValues, eventId: string): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values))
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  data.set("eventId", eventId);
  return data;
}

async function eventNow(eventId: string) {
  const db = await getDb();
  const [event] = await db
    .select({ title: events.title, startsAt: events.startsAt, sequence: events.sequence })
    .from(events)
    .where(eq(events.id, eventId));
  const dates = await db
    .select({ startsAt: eventOccurrences.startsAt })
    .from(eventOccurrences)
    .where(eq(eventOccurrences.eventId, eventId));
  return { ...event!, dates: dates.map((d) => d.startsAt.getTime()) };
}

/** A coordinator, and an organisation's admin whose event tomorrow at 18:00 (changes mailed at once) has an attendee. */
async function twoEditors() {
  const coordinator = await createUser({ role: "coordinator" });
  const organisation = await createOrganisation();
  const organiser = await createMember({ profile: { organisationId: organisation.id } });
  const db = await getDb();
  await db.insert(organisationAdmins).values({ userId: organiser.id, organisationId: organisation.id });
  const attendee = await createUser();
  const day = daysFromNow(1);
  const { eventId, data, occurrences } = await createTestEvent(organiser.id, {
    organiserOrganisationId: organisation.id,
    startsAt: berlinDateTimeToUtc(day, "18:00"),
    durationMinutes: 90,
  });
  await respond({ occurrenceId: occurrences[0]!.id, userId: attendee.id, response: "yes" });
  return { coordinator, organiser, attendee, day, eventId, data };
}

const changeMails = async (email: string) => {
  await runQueuedJobs({ dueWithinMs: 5_000 });
  return (await mailsTo(email)).filter((m) => m.subject.includes("wurde geändert"));
};

describe("saving an event from a form opened before someone else's change", () => {
  it("is refused with what the event is now, keeps what was typed, and goes through when saved again", async () => {
    const { coordinator, organiser, attendee, day, eventId, data } = await twoEditors();
    const [coordinatorSession, organiserSession] = [
      await createSession(coordinator.id),
      await createSession(organiser.id),
    ];
    // Both open the edit page.
    const coordinatorForm = await openEditForm(eventId, coordinator);
    const organiserForm = await openEditForm(eventId, organiser);
    const at = (time: string) => berlinDateTimeToUtc(day, time);

    // The coordinator moves the event from 18:00 to 19:00: its attendee is told once.
    expect(
      await actAs(coordinatorSession, () =>
        updateEventAction(
          IDLE,
          formOf({ ...coordinatorForm, startTime: "19:00", endTime: "20:30" }, eventId),
        ),
      ),
    ).toBe(`redirected:/events/${eventId}?saved=updated`);
    expect(await changeMails(attendee.email)).toHaveLength(1);
    const moved = await eventNow(eventId);
    expect(moved.dates).toEqual([at("19:00").getTime()]);

    // The organiser, whose page was open since before, fixes a typo in the title and saves.
    const fixed = `${data.title} (korrigiert)`;
    const refused = await actAs(organiserSession, () =>
      updateEventAction(IDLE, formOf({ ...organiserForm, title: fixed }, eventId)),
    );
    expect(refused).toMatchObject({
      status: "error",
      formError: "eventChangedMeanwhile",
      fieldErrors: {},
      // everything typed kept; the form now carries the current version
      values: { title: fixed, startTime: "18:00", endTime: "19:30", version: String(moved.sequence) },
      current: { title: data.title, when: formatWhen("de", at("19:00"), at("20:30")) },
    });
    // Nothing written: the time stays 19:00, and nobody gets a second "changed" mail.
    expect(await eventNow(eventId)).toEqual(moved);
    expect(await changeMails(attendee.email)).toHaveLength(1);

    // Saved again from the form as it came back (the organiser takes over the new time): it goes through.
    const values = (refused as { values: EventFormValues }).values;
    expect(
      await actAs(organiserSession, () =>
        updateEventAction(IDLE, formOf({ ...values, startTime: "19:00", endTime: "20:30" }, eventId)),
      ),
    ).toBe(`redirected:/events/${eventId}?saved=updated`);
    const saved = await eventNow(eventId);
    expect(saved.title).toBe(fixed);
    expect(saved.dates).toEqual([at("19:00").getTime()]);
    expect(await changeMails(attendee.email)).toHaveLength(1);
  });

  it("lets exactly one of two saves from the same version through when they arrive together", async () => {
    const { coordinator, organiser, eventId, data } = await twoEditors();
    const [coordinatorSession, organiserSession] = [
      await createSession(coordinator.id),
      await createSession(organiser.id),
    ];
    const coordinatorForm = await openEditForm(eventId, coordinator);
    const organiserForm = await openEditForm(eventId, organiser);
    const results = await Promise.all([
      actAs(coordinatorSession, () =>
        updateEventAction(
          IDLE,
          formOf({ ...coordinatorForm, startTime: "19:00", endTime: "20:30" }, eventId),
        ),
      ),
      actAs(organiserSession, () =>
        updateEventAction(IDLE, formOf({ ...organiserForm, title: `${data.title} (neu)` }, eventId)),
      ),
    ]);
    expect(results.filter((r) => r === `redirected:/events/${eventId}?saved=updated`)).toHaveLength(1);
    expect(
      results.filter((r) => (r as { formError?: string }).formError === "eventChangedMeanwhile"),
    ).toHaveLength(1);
    expect((await eventNow(eventId)).sequence).toBe(1);
  });

  it("writes nothing when the version changed between loading the event and locking it", async () => {
    const { organiser, eventId, data } = await twoEditors();
    await updateEvent({ actorId: organiser.id, eventId, data: { ...data, venue: "Schloss Moritzburg" } });
    const before = await eventNow(eventId);
    await expect(
      updateEvent({ actorId: organiser.id, eventId, data: { ...data, title: "Veraltet" }, sequence: 0 }),
    ).rejects.toThrow("eventChangedMeanwhile");
    expect(await eventNow(eventId)).toEqual(before);
  });
});
