import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eventOccurrences, organisationAdmins } from "@/db/schema";
import { toEventViewer } from "@/lib/events/access";
import { clearOccurrencePlaceAction, setOccurrencePlaceAction } from "@/lib/events/actions";
import { getEventDetail } from "@/lib/events/data";
import { setOccurrencePlace } from "@/lib/events/date-mutations";
import { eventIcsResponse, personalFeedResponse, publicFeedResponse } from "@/lib/events/feeds";
import { formatWhen } from "@/lib/events/format";
import { listEvents } from "@/lib/events/list-data";
import { renewFeedToken, updateEvent } from "@/lib/events/mutations";
import { sendReminder } from "@/lib/events/reminders";
import { respond } from "@/lib/events/rsvp-mutations";
import { berlinDateTimeToUtc } from "@/lib/events/time";
import { IDLE } from "@/lib/forms/state";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { actAs } from "../support/actions";
import { createTestEvent, daysFromNow, inThirtySixHours, mailsTo } from "../support/event-factories";
import { createOrganisation, createSession, createUser } from "../support/factories";
import { form } from "../support/forms";
import { addMember } from "../support/organisation-factories";

const SERIES = "Rathaus Zeitz, Saal 2, Altmarkt 1, 06712 Zeitz";

const weekly = (coordinatorId: string, startsAt = berlinDateTimeToUtc(daysFromNow(10), "16:00")) =>
  createTestEvent(coordinatorId, {
    frequency: "weekly",
    startsAt,
    durationMinutes: 90,
    untilDate: daysFromNow(31),
  });

/** The VEVENTs of one event as a calendar program reads them: the series, and overrides by RECURRENCE-ID. */
function veventsOf(ics: string, eventId: string) {
  const all = new ICAL.Component(ICAL.parse(ics))
    .getAllSubcomponents("vevent")
    .filter((v) => v.getFirstPropertyValue("uid") === `${eventId}@knotenpunkt`)
    .map((v) => new ICAL.Event(v));
  return {
    master: all.find((e) => !e.isRecurrenceException()),
    override: (start: Date) =>
      all.find((e) => e.isRecurrenceException() && e.recurrenceId.toJSDate().getTime() === start.getTime()),
  };
}

describe("a date with a place of its own", () => {
  it("is saved by an organiser and shown on that date only; clearing it brings back the series' place", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const session = await createSession(coordinator.id);
    const visitor = await createUser();
    const { eventId, occurrences } = await weekly(coordinator.id);
    const [first, second] = occurrences;

    expect(
      await actAs(session, () =>
        setOccurrencePlaceAction(
          IDLE,
          form({
            occurrenceId: second!.id,
            format: "in_person",
            venue: "Bürgerhaus Zeitz",
            address: "Schützenplatz 1, 06712 Zeitz",
            onlineUrl: "",
          }),
        ),
      ),
    ).toBe(`redirected:/events/${eventId}/edit?saved=placeChanged#dates`);

    const viewer = toEventViewer(visitor);
    const moved = await getEventDetail({ eventId, viewer, slotDate: second!.slotDate });
    expect([moved?.venue, moved?.address, moved?.selectedOwnPlace]).toEqual([
      "Bürgerhaus Zeitz",
      "Schützenplatz 1, 06712 Zeitz",
      true,
    ]);
    expect(moved?.occurrences.map((o) => o.ownPlace?.venue ?? null)).toEqual([
      null,
      "Bürgerhaus Zeitz",
      null,
      null,
    ]);
    const kept = await getEventDetail({ eventId, viewer, slotDate: first!.slotDate });
    expect([kept?.venue, kept?.address, kept?.selectedOwnPlace]).toEqual([
      "Rathaus Zeitz, Saal 2",
      "Altmarkt 1, 06712 Zeitz",
      false,
    ]);
    // The list of dates names each date's place.
    const { items } = await listEvents({ viewer, filters: { when: "upcoming" }, limit: 2000 });
    expect(items.filter((i) => i.eventId === eventId).map((i) => i.venue)).toEqual([
      "Rathaus Zeitz, Saal 2",
      "Bürgerhaus Zeitz",
      "Rathaus Zeitz, Saal 2",
      "Rathaus Zeitz, Saal 2",
    ]);

    expect(await actAs(session, () => clearOccurrencePlaceAction(form({ occurrenceId: second!.id })))).toBe(
      `redirected:/events/${eventId}/edit?saved=placeCleared#dates`,
    );
    const back = await getEventDetail({ eventId, viewer, slotDate: second!.slotDate });
    expect([back?.venue, back?.selectedOwnPlace]).toEqual(["Rathaus Zeitz, Saal 2", false]);
  });

  it("saved unchanged with the series' place (as the form comes filled) is no place of its own", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const attendee = await createUser();
    const { eventId, occurrences, data } = await weekly(coordinator.id);
    const date = occurrences[1]!;
    await respond({ occurrenceId: date.id, userId: attendee.id, response: "yes" });
    await setOccurrencePlace({
      actorId: coordinator.id,
      occurrenceId: date.id,
      place: { format: "in_person", venue: data.venue, address: data.address, onlineUrl: null },
    });
    const detail = await getEventDetail({ eventId, viewer: null, slotDate: date.slotDate });
    expect(detail?.selectedOwnPlace).toBe(false);
    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    expect(await mailsTo(attendee.email)).toHaveLength(0);
  });

  it("says beside the field what is missing, and saves nothing", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const session = await createSession(coordinator.id);
    const { occurrences } = await weekly(coordinator.id);
    const date = occurrences[1]!;
    const inPerson = await actAs(session, () =>
      setOccurrencePlaceAction(IDLE, form({ occurrenceId: date.id, format: "in_person", venue: " " })),
    );
    expect(inPerson).toMatchObject({
      status: "error",
      fieldErrors: { address: { key: "datePlaceRequired" } },
    });
    const online = await actAs(session, () =>
      setOccurrencePlaceAction(
        IDLE,
        form({ occurrenceId: date.id, format: "online", onlineUrl: "meet.example.org" }),
      ),
    );
    expect(online).toMatchObject({ status: "error", fieldErrors: { onlineUrl: { key: "invalidUrl" } } });
    const db = await getDb();
    const [row] = await db.select().from(eventOccurrences).where(eq(eventOccurrences.id, date.id));
    expect(row?.format).toBeNull();
  });

  it("is refused to a member who does not run the event, whether or not they attend", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser();
    const { occurrences } = await weekly(coordinator.id);
    const date = occurrences[1]!;
    await respond({ occurrenceId: date.id, userId: member.id, response: "yes" });
    const session = await createSession(member.id);
    expect(
      await actAs(session, () =>
        setOccurrencePlaceAction(
          IDLE,
          form({ occurrenceId: date.id, format: "online", onlineUrl: "https://evil.example.org/x" }),
        ),
      ),
    ).toBe("notFound");
    expect(await actAs(session, () => clearOccurrencePlaceAction(form({ occurrenceId: date.id })))).toBe(
      "notFound",
    );
    const db = await getDb();
    const [row] = await db.select().from(eventOccurrences).where(eq(eventOccurrences.id, date.id));
    expect([row?.format, row?.onlineUrl]).toEqual([null, null]);
  });

  it("is set by an admin of the organising organisation, and refused to the admin of another", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const [organising, otherOrganisation] = [await createOrganisation(), await createOrganisation()];
    const [admin, otherAdmin] = [await addMember(organising.id), await addMember(otherOrganisation.id)];
    const db = await getDb();
    await db.insert(organisationAdmins).values([
      { organisationId: organising.id, userId: admin.id },
      { organisationId: otherOrganisation.id, userId: otherAdmin.id },
    ]);
    const { eventId, occurrences } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      untilDate: daysFromNow(25),
      organiserOrganisationId: organising.id,
    });
    const date = occurrences[1]!;
    const place = (venue: string) =>
      form({ occurrenceId: date.id, format: "in_person", venue, address: "", onlineUrl: "" });
    expect(
      await actAs(await createSession(otherAdmin.id), () => setOccurrencePlaceAction(IDLE, place("Fremd"))),
    ).toBe("notFound");
    expect(
      await actAs(await createSession(admin.id), () => setOccurrencePlaceAction(IDLE, place("Vereinshaus"))),
    ).toBe(`redirected:/events/${eventId}/edit?saved=placeChanged#dates`);
    const [row] = await db.select().from(eventOccurrences).where(eq(eventOccurrences.id, date.id));
    expect(row?.venue).toBe("Vereinshaus");
  });

  it("is mailed to that date's attendees only, with the place it had ('bisher: …')", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const [yes, maybe, other] = [await createUser(), await createUser(), await createUser()];
    const { eventId, occurrences, data } = await weekly(coordinator.id);
    const [first, second] = occurrences;
    await respond({ occurrenceId: second!.id, userId: yes.id, response: "yes" });
    await respond({ occurrenceId: second!.id, userId: maybe.id, response: "maybe" });
    await respond({ occurrenceId: first!.id, userId: other.id, response: "yes" });

    await setOccurrencePlace({
      actorId: coordinator.id,
      occurrenceId: second!.id,
      place: { format: "in_person", venue: "Bürgerhaus Zeitz", address: "Schützenplatz 1", onlineUrl: null },
    });
    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    for (const person of [yes, maybe]) {
      const [mail] = await mailsTo(person.email);
      expect(mail?.subject).toMatch(`Geändert: „${data.title}“ am `);
      expect(mail?.text).toContain(
        `${formatWhen("de", second!.startsAt, second!.endsAt)}, Bürgerhaus Zeitz, Schützenplatz 1 (bisher: ${SERIES})`,
      );
      expect(mail?.text).toContain(`/events/${eventId}?date=${second!.slotDate}`);
    }
    expect(await mailsTo(other.email)).toHaveLength(0);

    // Back to the series' place: told again, with the place it had had.
    await setOccurrencePlace({ actorId: coordinator.id, occurrenceId: second!.id, place: null });
    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    const [again] = await mailsTo(yes.email);
    expect(again?.text).toContain(
      `${formatWhen("de", second!.startsAt, second!.endsAt)}, ${SERIES} (bisher: Bürgerhaus Zeitz, Schützenplatz 1)`,
    );
    expect(await mailsTo(other.email)).toHaveLength(0);
  });

  it("switched to online, then to another link, says so in the mail without naming the link to who answered maybe", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const attendee = await createUser();
    const { occurrences } = await weekly(coordinator.id);
    const date = occurrences[1]!;
    await respond({ occurrenceId: date.id, userId: attendee.id, response: "maybe" });
    const when = formatWhen("de", date.startsAt, date.endsAt);
    for (const link of ["https://meet.example.org/eins", "https://meet.example.org/zwei"]) {
      await setOccurrencePlace({
        actorId: coordinator.id,
        occurrenceId: date.id,
        place: { format: "online", venue: "ignored", address: null, onlineUrl: link },
      });
      await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    }
    const [second, first] = await mailsTo(attendee.email);
    expect(first?.text).toContain(`${when}, Online (bisher: ${SERIES})`);
    expect(second?.text).toContain(`${when}, Online (neuer Link)`);
    for (const mail of [first, second]) expect(mail?.text).not.toContain("meet.example.org");
  });

  it("is mailed at once when the date is within two days, after the burst delay otherwise", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const [soon, later] = [await createUser(), await createUser()];
    const { occurrences } = await weekly(coordinator.id, inThirtySixHours());
    await respond({ occurrenceId: occurrences[0]!.id, userId: soon.id, response: "yes" });
    await respond({ occurrenceId: occurrences[1]!.id, userId: later.id, response: "yes" });
    for (const o of occurrences.slice(0, 2))
      await setOccurrencePlace({
        actorId: coordinator.id,
        occurrenceId: o.id,
        place: { format: "online", venue: null, address: null, onlineUrl: "https://meet.example.org/a" },
      });
    await runQueuedJobs({ dueWithinMs: 5_000 });
    expect(await mailsTo(soon.email)).toHaveLength(1);
    expect(await mailsTo(later.email)).toHaveLength(0);
  });

  it("stays when the event's place changes, and its attendees are not told of that change", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const [onOwn, onSeries] = [await createUser(), await createUser()];
    const { eventId, occurrences, data } = await weekly(coordinator.id);
    const [first, second] = occurrences;
    await setOccurrencePlace({
      actorId: coordinator.id,
      occurrenceId: second!.id,
      place: { format: "in_person", venue: "Bürgerhaus Zeitz", address: null, onlineUrl: null },
    });
    await respond({ occurrenceId: second!.id, userId: onOwn.id, response: "yes" });
    await respond({ occurrenceId: first!.id, userId: onSeries.id, response: "yes" });
    await updateEvent({ actorId: coordinator.id, eventId, data: { ...data, venue: "Schloss Moritzburg" } });
    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    expect(await mailsTo(onSeries.email)).toHaveLength(1);
    expect(await mailsTo(onOwn.email)).toHaveLength(0);
    const detail = await getEventDetail({ eventId, viewer: null, slotDate: second!.slotDate });
    expect(detail?.venue).toBe("Bürgerhaus Zeitz");
  });

  it("names its own place in the reminder", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const attendee = await createUser();
    const { occurrences } = await weekly(coordinator.id);
    const date = occurrences[1]!;
    await respond({ occurrenceId: date.id, userId: attendee.id, response: "yes" });
    await setOccurrencePlace({
      actorId: coordinator.id,
      occurrenceId: date.id,
      place: { format: "online", venue: null, address: null, onlineUrl: "https://meet.example.org/own" },
    });
    await sendReminder({ occurrenceId: date.id, startsAt: date.startsAt.toISOString() });
    const reminder = (await mailsTo(attendee.email)).find((m) => m.subject.startsWith("Erinnerung"));
    expect(reminder?.text).toContain("https://meet.example.org/own");
    expect(reminder?.text).not.toContain("Rathaus Zeitz");
  });
});

describe("a date's own place in calendars", () => {
  it("is an override with RECURRENCE-ID and its own LOCATION and URL; the series keeps its place", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const { eventId, occurrences } = await weekly(coordinator.id);
    const second = occurrences[1]!;
    await setOccurrencePlace({
      actorId: coordinator.id,
      occurrenceId: second.id,
      place: { format: "in_person", venue: "Bürgerhaus Zeitz", address: "Schützenplatz 1", onlineUrl: null },
    });
    for (const ics of [
      await (await eventIcsResponse(eventId, null, "de")).text(),
      await (await publicFeedResponse()).text(),
    ]) {
      const { master, override } = veventsOf(ics, eventId);
      expect(master?.location).toBe(SERIES);
      const own = override(second.startsAt);
      expect(own?.location).toBe("Bürgerhaus Zeitz, Schützenplatz 1");
      expect(own?.startDate.toJSDate().getTime()).toBe(second.startsAt.getTime());
      expect(own?.component.getFirstPropertyValue("url")?.toString()).toMatch(
        new RegExp(`/events/${eventId}\\?date=${second.slotDate}$`),
      );
      expect(override(occurrences[2]!.startsAt)).toBeUndefined();
    }
  });

  it("gives a date's own online link, kept for attendees, only to attendees of that date", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const [ofDate, ofOther] = [await createUser(), await createUser()];
    const { eventId, occurrences } = await weekly(coordinator.id);
    const [first, second] = occurrences;
    const link = `https://meet.example.org/termin-${crypto.randomUUID().slice(0, 8)}`;
    await setOccurrencePlace({
      actorId: coordinator.id,
      occurrenceId: second!.id,
      place: { format: "online", venue: null, address: null, onlineUrl: link },
    });
    await respond({ occurrenceId: second!.id, userId: ofDate.id, response: "yes" });
    await respond({ occurrenceId: first!.id, userId: ofOther.id, response: "yes" });
    const locationIn = (ics: string) => veventsOf(ics, eventId).override(second!.startsAt)?.location;
    const feedOf = async (user: { id: string }) =>
      (await personalFeedResponse(`${await renewFeedToken(user.id)}.ics`)).text();

    expect(locationIn(await feedOf(ofDate))).toBe(`Online: ${link}`);
    expect(locationIn(await (await eventIcsResponse(eventId, ofDate, "de")).text())).toBe(`Online: ${link}`);
    expect(locationIn(await feedOf(coordinator))).toBe(`Online: ${link}`);
    expect(locationIn(await feedOf(ofOther))).toBe("Online");
    expect(locationIn(await (await eventIcsResponse(eventId, ofOther, "de")).text())).toBe("Online");
    expect(locationIn(await (await publicFeedResponse()).text())).toBe("Online");

    // The event page: the link shows on that date for its attendee, not for the other date's.
    const page = (viewer: typeof ofDate) =>
      getEventDetail({ eventId, viewer: toEventViewer(viewer), slotDate: second!.slotDate });
    expect((await page(ofDate))?.onlineUrl).toBe(link);
    expect((await page(ofOther))?.onlineUrl).toBeNull();
    expect((await page(ofOther))?.format).toBe("online");
    expect(JSON.stringify(await page(ofOther))).not.toContain(link);
  });
});
