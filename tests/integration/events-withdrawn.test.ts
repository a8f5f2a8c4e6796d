import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eventOccurrences, eventRsvps } from "@/db/schema";
import { formatWhen } from "@/lib/events/format";
import { updateEvent } from "@/lib/events/mutations";
import { respond } from "@/lib/events/rsvp-mutations";
import { berlinDateTimeToUtc } from "@/lib/events/time";
import { removeGroupMember } from "@/lib/groups/mutations";
import { createTestEvent, daysFromNow, mailsTo } from "../support/event-factories";
import { createUser } from "../support/factories";
import { createGroup } from "../support/forum-factories";

/** Who answered what to the event's dates, in date order: "going", "waiting", "maybe" or "no". */
async function answersTo(eventId: string) {
  const db = await getDb();
  const rows = await db
    .select({
      occurrenceId: eventRsvps.occurrenceId,
      userId: eventRsvps.userId,
      response: eventRsvps.response,
      waitingSince: eventRsvps.waitingSince,
    })
    .from(eventRsvps)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRsvps.occurrenceId))
    .where(eq(eventOccurrences.eventId, eventId))
    .orderBy(asc(eventOccurrences.startsAt), asc(eventRsvps.createdAt));
  return rows.map((r) => ({
    occurrenceId: r.occurrenceId,
    userId: r.userId,
    answer: r.response === "yes" ? (r.waitingSince ? "waiting" : "going") : r.response,
  }));
}

const withdrawalsTo = async (email: string, subject: string) =>
  (await mailsTo(email)).filter((m) => m.subject === subject);

describe("an event made a working group's", () => {
  it("withdraws outsiders' answers to coming dates, gives their seat to the group's waiting member and tells them without time, place or link", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const outsider = await createUser({ name: "Olga Außenstehend" });
    const member = await createUser();
    // A weekly series begun three days ago: one date past, one coming.
    const { eventId, data, occurrences } = await createTestEvent(coordinator.id, {
      visibility: "members",
      capacity: 1,
      frequency: "weekly",
      startsAt: berlinDateTimeToUtc(daysFromNow(-3), "10:00"),
      untilDate: daysFromNow(5),
    });
    const [past, coming] = occurrences;
    expect(occurrences).toHaveLength(2);
    await respond({
      occurrenceId: past!.id,
      userId: outsider.id,
      response: "yes",
      now: new Date(past!.startsAt.getTime() - 3_600_000),
    });
    await respond({ occurrenceId: coming!.id, userId: outsider.id, response: "yes" });
    await respond({ occurrenceId: coming!.id, userId: member.id, response: "yes" });
    const group = await createGroup([member.id]);

    await updateEvent({
      actorId: coordinator.id,
      eventId,
      data: { ...data, visibility: "group", groupId: group.id },
    });

    expect(await answersTo(eventId)).toEqual([
      { occurrenceId: past!.id, userId: outsider.id, answer: "going" },
      { occurrenceId: coming!.id, userId: member.id, answer: "going" },
    ]);
    expect((await mailsTo(member.email)).map((m) => m.subject)).toEqual([
      `Ein Platz ist frei: ${data.title}`,
    ]);
    const withdrawals = await withdrawalsTo(outsider.email, `Antwort zurückgenommen: ${data.title}`);
    expect(withdrawals).toHaveLength(1);
    const [mail] = withdrawals;
    expect(mail?.text).toContain(
      `Hallo Olga Außenstehend,\n\nIhre Antwort zu „${data.title}“ wurde zurückgenommen: Die Veranstaltung ist jetzt nur noch für eine Arbeitsgruppe offen, der Sie nicht angehören.`,
    );
    // Neither part of the mail gives the time or place, links to the event or names the group.
    const told = mail && `${mail.text}\n${mail.html}`;
    expect(
      [
        formatWhen("de", coming!.startsAt, coming!.endsAt),
        data.venue!,
        data.address!,
        "/events/",
        group.name,
      ].filter((part) => told?.includes(part) !== false),
    ).toEqual([]);
  });
});

describe("a member taken out of a working group", () => {
  it("loses their answers to the group's coming event and is told in their language; its creator keeps theirs", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const creator = await createUser();
    const leaving = await createUser({ locale: "en" });
    const waiting = await createUser();
    const group = await createGroup([creator.id, leaving.id, waiting.id]);
    const { eventId, data, occurrences } = await createTestEvent(creator.id, {
      visibility: "group",
      groupId: group.id,
      capacity: 1,
      frequency: "weekly",
      untilDate: daysFromNow(17),
    });
    const [first, second] = occurrences;
    await respond({ occurrenceId: first!.id, userId: leaving.id, response: "yes" });
    await respond({ occurrenceId: first!.id, userId: waiting.id, response: "yes" });
    await respond({ occurrenceId: second!.id, userId: creator.id, response: "yes" });
    await respond({ occurrenceId: second!.id, userId: leaving.id, response: "maybe" });

    await removeGroupMember({ actorId: coordinator.id, groupId: group.id, userId: creator.id });
    await removeGroupMember({ actorId: coordinator.id, groupId: group.id, userId: leaving.id });

    expect(await answersTo(eventId)).toEqual([
      { occurrenceId: first!.id, userId: waiting.id, answer: "going" },
      { occurrenceId: second!.id, userId: creator.id, answer: "going" },
    ]);
    const withdrawn = [];
    for (const person of [creator, leaving, waiting])
      for (const m of await mailsTo(person.email))
        if (m.subject.includes(data.title) && !m.subject.startsWith("Ein Platz")) withdrawn.push(m);
    expect(withdrawn.map((m) => [m.to, m.subject])).toEqual([
      [leaving.email, `Answer withdrawn: ${data.title}`],
    ]);
    expect(withdrawn[0]?.text).toContain(
      `Your answers to 2 dates of “${data.title}” have been withdrawn: the event is now open only to a working group you are not a member of.`,
    );
    expect((await mailsTo(waiting.email)).map((m) => m.subject)).toEqual([
      `Ein Platz ist frei: ${data.title}`,
    ]);
  });
});
