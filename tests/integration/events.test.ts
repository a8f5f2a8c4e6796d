import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications, organisationAdmins, workingGroupMembers, workingGroups } from "@/db/schema";
import { toEventViewer } from "@/lib/events/access";
import { getEventDetail } from "@/lib/events/data";
import { moveOccurrence, setOccurrenceStatus } from "@/lib/events/date-mutations";
import { getEventForEdit } from "@/lib/events/editor-data";
import { listFeedEvents } from "@/lib/events/feed-data";
import { attendeesCsvResponse, personalFeedResponse, publicFeedResponse } from "@/lib/events/feeds";
import { listEvents } from "@/lib/events/list-data";
import { cancelEvent, renewFeedToken, revokeFeedToken, updateEvent } from "@/lib/events/mutations";
import { sendReminder } from "@/lib/events/reminders";
import { respond } from "@/lib/events/rsvp-mutations";
import { berlinClock, berlinDateTimeToUtc } from "@/lib/events/time";
import { createTestEvent, daysFromNow, eventData, mailsTo } from "../support/event-factories";
import { createOrganisation, createUser } from "../support/factories";
import { addMember } from "../support/organisation-factories";

async function eventNotifications(userId: string) {
  const db = await getDb();
  return db.select().from(notifications).where(eq(notifications.recipientId, userId));
}

const asViewer = (u: { id: string; status: string; role: string }) => toEventViewer(u);

async function group(memberIds: string[]) {
  const db = await getDb();
  const id = crypto.randomUUID();
  await db.insert(workingGroups).values({ id, slug: `ak-${id}`, name: `AK Arbeit ${id.slice(0, 6)}` });
  if (memberIds.length)
    await db.insert(workingGroupMembers).values(memberIds.map((userId) => ({ groupId: id, userId })));
  return id;
}

function parse(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  return component.getAllSubcomponents("vevent").map((v) => ({
    uid: String(v.getFirstPropertyValue("uid")),
    summary: String(v.getFirstPropertyValue("summary")),
    rrule: v.getFirstPropertyValue("rrule")?.toString() ?? null,
    exdate: v.getFirstProperty("exdate")?.getValues().map(String) ?? [],
    recurrenceId: v.getFirstPropertyValue("recurrence-id")?.toString() ?? null,
    location: v.getFirstPropertyValue("location") ?? null,
  }));
}

describe("event visibility", () => {
  it("shows public events to visitors, members-only to members, group events to the group (and refuses others)", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser();
    const insider = await createUser();
    const groupId = await group([insider.id]);
    const when = berlinDateTimeToUtc(daysFromNow(3), "09:00");
    const pub = await createTestEvent(coordinator.id, {
      startsAt: when,
      title: `Öffentlich ${crypto.randomUUID()}`,
    });
    const mem = await createTestEvent(coordinator.id, { startsAt: when, visibility: "members" });
    const grp = await createTestEvent(coordinator.id, { startsAt: when, visibility: "group", groupId });

    const ids = async (viewer: ReturnType<typeof toEventViewer>) => {
      const seen = new Set<string>();
      let after: string | undefined;
      for (let i = 0; i < 50; i++) {
        const page = await listEvents({ viewer, filters: { when: "upcoming", after }, limit: 100 });
        for (const item of page.items) seen.add(item.eventId);
        if (!page.nextAfter) break;
        after = page.nextAfter;
      }
      return seen;
    };
    const visitor = await ids(null);
    expect(visitor.has(pub.eventId)).toBe(true);
    expect(visitor.has(mem.eventId)).toBe(false);
    expect(visitor.has(grp.eventId)).toBe(false);
    const asMember = await ids(asViewer(member));
    expect(asMember.has(mem.eventId)).toBe(true);
    expect(asMember.has(grp.eventId)).toBe(false);
    expect((await ids(asViewer(insider))).has(grp.eventId)).toBe(true);

    expect(await getEventDetail({ eventId: mem.eventId, viewer: null })).toBeNull();
    expect(await getEventDetail({ eventId: grp.eventId, viewer: asViewer(member) })).toBeNull();
    expect(await getEventDetail({ eventId: grp.eventId, viewer: asViewer(insider) })).not.toBeNull();

    // feeds follow the same rules
    const memberFeed = (await listFeedEvents(asViewer(member))).map((e) => e.id);
    expect(memberFeed).toContain(mem.eventId);
    expect(memberFeed).not.toContain(grp.eventId);
    const publicFeed = await (await publicFeedResponse()).text();
    expect(publicFeed).toContain(`UID:${pub.eventId}@knotenpunkt`);
    expect(publicFeed).not.toContain(mem.eventId);
  });

  it("filters by topic, language, municipality and format", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const title = `Filter ${crypto.randomUUID()}`;
    const online = await createTestEvent(coordinator.id, {
      title,
      format: "online",
      venue: null,
      address: null,
      onlineUrl: "https://meet.example.org/sprechstunde",
      languages: ["uk"],
      topic: "work",
      municipality: "Naumburg (Saale)",
    });
    const list = async (filters: Parameters<typeof listEvents>[0]["filters"]) =>
      (await listEvents({ viewer: null, filters, limit: 500 })).items.map((i) => i.eventId);
    expect(await list({ when: "upcoming", format: "online", language: "uk", topic: "work" })).toContain(
      online.eventId,
    );
    expect(await list({ when: "upcoming", format: "in_person" })).not.toContain(online.eventId);
    expect(await list({ when: "upcoming", language: "fa" })).not.toContain(online.eventId);
    expect(await list({ when: "upcoming", municipality: "Zeitz" })).not.toContain(online.eventId);
    expect(await list({ when: "past" })).not.toContain(online.eventId);
  });

  it("only coordinators, the creator and the organising organisation's admins may edit", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const organisation = await createOrganisation();
    const orgAdmin = await addMember(organisation.id);
    const member = await createUser();
    const db = await getDb();
    await db.insert(organisationAdmins).values({ organisationId: organisation.id, userId: orgAdmin.id });
    const { eventId } = await createTestEvent(coordinator.id, { organiserOrganisationId: organisation.id });
    expect(await getEventForEdit(eventId, asViewer(coordinator))).not.toBeNull();
    expect(await getEventForEdit(eventId, asViewer(orgAdmin))).not.toBeNull();
    expect(await getEventForEdit(eventId, asViewer(member))).toBeNull();
    const csv = await attendeesCsvResponse(eventId, undefined, { ...member, locale: "de" } as never);
    expect(csv.status).toBe(404);
  });

  it("shows the online link only to people with a seat, when the organiser chose so", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser();
    const { eventId, occurrences } = await createTestEvent(coordinator.id, {
      format: "online",
      venue: null,
      address: null,
      onlineUrl: "https://meet.example.org/geheim",
      onlineUrlAttendeesOnly: true,
    });
    const before = await getEventDetail({ eventId, viewer: asViewer(member) });
    expect(before?.onlineUrl).toBeNull();
    await respond({ occurrenceId: occurrences[0]!.id, userId: member.id, response: "yes" });
    const after = await getEventDetail({ eventId, viewer: asViewer(member) });
    expect(after?.onlineUrl).toBe("https://meet.example.org/geheim");
    const ics = await (await publicFeedResponse()).text();
    expect(ics).not.toContain("geheim");
  });
});

describe("RSVP and waiting list", () => {
  it("puts the third yes on a two-seat date on the waiting list and moves them up, by e-mail, when someone cancels", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const [a, b, c, d] = await Promise.all([
      createUser(),
      createUser(),
      createUser(),
      createUser({ name: "Dana Wartend" }),
    ]);
    const { eventId, occurrences, data } = await createTestEvent(coordinator.id, { capacity: 2 });
    const occurrenceId = occurrences[0]!.id;
    expect((await respond({ occurrenceId, userId: a.id, response: "yes" })).state).toBe("going");
    expect((await respond({ occurrenceId, userId: b.id, response: "yes" })).state).toBe("going");
    expect((await respond({ occurrenceId, userId: d.id, response: "yes" })).state).toBe("waiting");
    expect((await respond({ occurrenceId, userId: c.id, response: "yes" })).state).toBe("waiting");
    const detail = await getEventDetail({ eventId, viewer: asViewer(c) });
    expect(detail?.rsvp).toEqual({ response: "yes", waiting: true, position: 2 });
    expect(detail?.counts).toMatchObject({ going: 2, waiting: 2 });

    const result = await respond({ occurrenceId, userId: a.id, response: "no" });
    expect(result.promoted).toEqual([d.id]);
    const [mail] = await mailsTo(d.email);
    expect(mail?.subject).toBe(`Ein Platz ist frei: ${data.title}`);
    expect(mail?.text).toContain("Dana Wartend");
    expect(mail?.text).toContain(`/events/${eventId}?date=`);
    const cAfter = await getEventDetail({ eventId, viewer: asViewer(c) });
    expect(cAfter?.rsvp).toEqual({ response: "yes", waiting: true, position: 1 });
    expect(cAfter?.counts).toMatchObject({ going: 2, waiting: 1 });
  });

  it("refuses answers for cancelled dates", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser();
    const { occurrences } = await createTestEvent(coordinator.id);
    await setOccurrenceStatus({
      actorId: coordinator.id,
      occurrenceId: occurrences[0]!.id,
      status: "cancelled",
    });
    await expect(
      respond({ occurrenceId: occurrences[0]!.id, userId: member.id, response: "yes" }),
    ).rejects.toThrow("dateCancelled");
  });

  it("lets waiting people in when the organiser raises the capacity", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const [a, b] = await Promise.all([createUser(), createUser()]);
    const { eventId, occurrences, data } = await createTestEvent(coordinator.id, { capacity: 1 });
    await respond({ occurrenceId: occurrences[0]!.id, userId: a.id, response: "yes" });
    await respond({ occurrenceId: occurrences[0]!.id, userId: b.id, response: "yes" });
    await updateEvent({ actorId: coordinator.id, eventId, data: { ...data, capacity: 2 } });
    const detail = await getEventDetail({ eventId, viewer: asViewer(b) });
    expect(detail?.rsvp?.waiting).toBe(false);
    expect((await mailsTo(b.email))[0]?.subject).toContain("Ein Platz ist frei");
  });
});

describe("changes, cancellations and reminders", () => {
  it("tells attendees when time or place change, and everyone who answered when the event is cancelled", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const going = await createUser({ locale: "en" });
    const declined = await createUser();
    const { eventId, occurrences, data } = await createTestEvent(coordinator.id);
    await respond({ occurrenceId: occurrences[0]!.id, userId: going.id, response: "yes" });
    await respond({ occurrenceId: occurrences[0]!.id, userId: declined.id, response: "no" });

    await updateEvent({
      actorId: coordinator.id,
      eventId,
      data: { ...data, description: "Nur Text geändert" },
    });
    expect(await eventNotifications(going.id)).toHaveLength(0);

    await updateEvent({ actorId: coordinator.id, eventId, data: { ...data, venue: "Schloss Moritzburg" } });
    const [changed] = await eventNotifications(going.id);
    expect(changed).toMatchObject({
      kind: "event_change",
      subjectKey: `event:${eventId}`,
      params: { title: data.title },
    });
    expect(changed?.url).toContain(`/events/${eventId}`);
    expect(await eventNotifications(declined.id)).toHaveLength(0);

    await cancelEvent({ actorId: coordinator.id, eventId });
    expect((await mailsTo(going.email))[0]?.subject).toBe(`Cancelled: ${data.title}`);
    expect(await mailsTo(declined.email)).toHaveLength(0);
    await expect(
      respond({ occurrenceId: occurrences[0]!.id, userId: declined.id, response: "yes" }),
    ).rejects.toThrow();
  });

  it("reminds people with a seat once, and not for a date that moved since", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const going = await createUser();
    const maybe = await createUser();
    const { occurrences, data } = await createTestEvent(coordinator.id, {
      startsAt: new Date(Date.now() + 20 * 3_600_000),
    });
    const o = occurrences[0]!;
    await respond({ occurrenceId: o.id, userId: going.id, response: "yes" });
    await respond({ occurrenceId: o.id, userId: maybe.id, response: "maybe" });
    expect(await sendReminder({ occurrenceId: o.id, startsAt: o.startsAt.toISOString() })).toBe(1);
    expect(await sendReminder({ occurrenceId: o.id, startsAt: o.startsAt.toISOString() })).toBe(0);
    const [mail] = await mailsTo(going.email);
    expect(mail?.subject).toBe(`Erinnerung: ${data.title}`);
    expect(mail?.text).toContain("Rathaus Zeitz");
    expect(await mailsTo(maybe.email)).toHaveLength(0);

    const moved = new Date(o.startsAt.getTime() + 2 * 3_600_000);
    await moveOccurrence({
      actorId: coordinator.id,
      occurrenceId: o.id,
      startsAt: moved,
      endsAt: new Date(moved.getTime() + 3_600_000),
    });
    expect(await sendReminder({ occurrenceId: o.id, startsAt: o.startsAt.toISOString() })).toBe(0);
    expect(await sendReminder({ occurrenceId: o.id, startsAt: moved.toISOString() })).toBe(1);
  });
});

describe("series", () => {
  it("stores a weekly 10:00 series across the October change at 10:00 and keeps answers when the time changes", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser();
    const startsAt = berlinDateTimeToUtc("2027-10-17", "10:00");
    const { eventId, occurrences, data } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      startsAt,
      untilDate: "2027-11-07",
    });
    expect(occurrences.map((o) => o.slotDate)).toEqual([
      "2027-10-17",
      "2027-10-24",
      "2027-10-31",
      "2027-11-07",
    ]);
    expect(occurrences.every((o) => berlinClock(o.startsAt) === "10:00")).toBe(true);
    expect(occurrences[2]!.startsAt.getUTCHours()).toBe(9);
    expect(occurrences[0]!.startsAt.getUTCHours()).toBe(8);

    await respond({ occurrenceId: occurrences[2]!.id, userId: member.id, response: "yes" });
    await updateEvent({
      actorId: coordinator.id,
      eventId,
      data: { ...data, startsAt: berlinDateTimeToUtc("2027-10-17", "14:00") },
    });
    const detail = await getEventDetail({ eventId, viewer: asViewer(member), slotDate: "2027-10-31" });
    expect(detail?.selected && berlinClock(detail.selected.startsAt)).toBe("14:00");
    expect(detail?.rsvp?.response).toBe("yes");
    expect(await eventNotifications(member.id)).toHaveLength(1);
  });

  it("writes a series with a cancelled and a moved date to a personal feed that ical.js reads", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser();
    const { eventId, occurrences } = await createTestEvent(coordinator.id, {
      title: "Online-Sprechstunde; Fragen, Antworten",
      frequency: "biweekly",
      startsAt: berlinDateTimeToUtc("2027-03-16", "10:00"),
      untilDate: "2027-04-30",
      visibility: "members",
    });
    await setOccurrenceStatus({
      actorId: coordinator.id,
      occurrenceId: occurrences[1]!.id,
      status: "cancelled",
    });
    const moved = berlinDateTimeToUtc("2027-04-14", "15:00");
    await moveOccurrence({
      actorId: coordinator.id,
      occurrenceId: occurrences[2]!.id,
      startsAt: moved,
      endsAt: new Date(moved.getTime() + 90 * 60_000),
    });
    const token = await renewFeedToken(member.id);
    const response = await personalFeedResponse(`${token}.ics`);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const events = parse(await response.text()).filter((e) => e.uid === `${eventId}@knotenpunkt`);
    const master = events.find((e) => !e.recurrenceId)!;
    expect(master.summary).toBe("Online-Sprechstunde; Fragen, Antworten");
    expect(master.rrule).toBe("FREQ=WEEKLY;COUNT=4;INTERVAL=2;BYDAY=TU");
    expect(master.exdate).toEqual(["2027-03-30T10:00:00"]);
    expect(events.find((e) => e.recurrenceId)?.recurrenceId).toBe("2027-04-13T10:00:00");

    await revokeFeedToken(member.id);
    expect((await personalFeedResponse(token)).status).toBe(404);
    const other = await renewFeedToken(member.id);
    expect(other).not.toBe(token);
  });
});

describe("a moved date when the series time changes", () => {
  it("still says it was moved from the time its attendees were told, and calendars still match it to its date", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser();
    const { eventId, occurrences, data } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      startsAt: berlinDateTimeToUtc("2027-12-01", "16:00"),
      durationMinutes: 60,
      untilDate: "2027-12-22",
    });
    const second = occurrences[1]!;
    await moveOccurrence({
      actorId: coordinator.id,
      occurrenceId: second.id,
      startsAt: berlinDateTimeToUtc(second.slotDate, "17:00"),
      endsAt: berlinDateTimeToUtc(second.slotDate, "18:30"),
    });
    await updateEvent({
      actorId: coordinator.id,
      eventId,
      data: { ...data, startsAt: berlinDateTimeToUtc("2027-12-01", "15:30") },
    });

    const detail = await getEventDetail({ eventId, viewer: asViewer(member), slotDate: second.slotDate });
    expect(detail?.selected?.moved).toBe(true);
    expect(berlinClock(detail!.selected!.startsAt)).toBe("17:00");
    // "verschoben – ursprünglich 16:00", as attendees were told; 15:30 was never this date's time.
    expect(berlinClock(detail!.selected!.originalStartsAt)).toBe("16:00");
    const other = await getEventDetail({
      eventId,
      viewer: asViewer(member),
      slotDate: occurrences[2]!.slotDate,
    });
    expect(other?.selected?.moved).toBe(false);
    expect(berlinClock(other!.selected!.startsAt)).toBe("15:30");

    const token = await renewFeedToken(member.id);
    const feed = parse(await (await personalFeedResponse(`${token}.ics`)).text()).filter(
      (e) => e.uid === `${eventId}@knotenpunkt`,
    );
    expect(feed.filter((e) => e.recurrenceId).map((e) => e.recurrenceId)).toEqual([
      `${second.slotDate}T15:30:00`,
    ]);
  });
});

describe("event data helper", () => {
  it("builds valid defaults", () => {
    expect(eventData().durationMinutes).toBe(90);
  });
});
