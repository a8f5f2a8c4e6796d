import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { moveOccurrence, setOccurrenceStatus } from "@/lib/events/date-mutations";
import { formatTime, formatWhen } from "@/lib/events/format";
import { cancelEvent, updateEvent } from "@/lib/events/mutations";
import { sendReminder } from "@/lib/events/reminders";
import { respond } from "@/lib/events/rsvp-mutations";
import { berlinDateTimeToUtc } from "@/lib/events/time";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { createTestEvent, daysFromNow, inThirtySixHours, mailsTo } from "../support/event-factories";
import { createUser } from "../support/factories";
import { createGroup } from "../support/forum-factories";

describe("cancellation mails", () => {
  it("say the whole event is off and list every date the recipient answered for", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const attendee = await createUser({ name: "Mira Mehrfach" });
    const english = await createUser({ locale: "en" });
    const { eventId, occurrences, data } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      untilDate: daysFromNow(25),
    });
    const [first, second, third] = occurrences;
    await respond({ occurrenceId: first!.id, userId: attendee.id, response: "yes" });
    await respond({ occurrenceId: third!.id, userId: attendee.id, response: "maybe" });
    await respond({ occurrenceId: second!.id, userId: english.id, response: "yes" });

    await cancelEvent({ actorId: coordinator.id, eventId });

    const [mail] = await mailsTo(attendee.email);
    expect(mail?.subject).toBe(`Abgesagt: ${data.title}`);
    expect(mail?.text).toContain(`Die Veranstaltung „${data.title}“ ist abgesagt: Alle Termine fallen aus.`);
    expect(mail?.text).toContain("Damit entfallen auch Ihre 2 Termine:");
    expect(mail?.text).toContain(`- ${formatWhen("de", first!.startsAt, first!.endsAt)}`);
    expect(mail?.text).toContain(`- ${formatWhen("de", third!.startsAt, third!.endsAt)}`);
    expect(mail?.text).not.toContain(formatWhen("de", second!.startsAt, second!.endsAt));
    expect(mail?.text).not.toContain("findet leider nicht statt");
    expect(mail?.html).toContain(`<li>${formatWhen("de", third!.startsAt, third!.endsAt)}</li>`);

    const [inEnglish] = await mailsTo(english.email);
    expect(inEnglish?.text).toContain(
      `“${data.title}” has been cancelled: none of its dates will take place.`,
    );
    expect(inEnglish?.text).toContain(
      `This includes your date:\n\n- ${formatWhen("en", second!.startsAt, second!.endsAt)}`,
    );
  });

  it("name the one date when only that date of a series is cancelled", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const attendee = await createUser();
    const { occurrences, data } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      untilDate: daysFromNow(18),
    });
    const [first] = occurrences;
    await respond({ occurrenceId: first!.id, userId: attendee.id, response: "yes" });
    await setOccurrenceStatus({ actorId: coordinator.id, occurrenceId: first!.id, status: "cancelled" });
    const [mail] = await mailsTo(attendee.email);
    expect(mail?.text).toContain(
      `Die Veranstaltung „${data.title}“ am ${formatWhen("de", first!.startsAt, first!.endsAt)} findet leider nicht statt.`,
    );
    expect(mail?.text).not.toContain("Alle Termine");
  });

  it("name the dates a shortened series drops, also to someone whose other date only changed", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const last = await createUser();
    const both = await createUser();
    const { eventId, occurrences, data } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      untilDate: daysFromNow(32),
    });
    const [first, second, third, fourth] = occurrences;
    await respond({ occurrenceId: fourth!.id, userId: last.id, response: "yes" });
    await respond({ occurrenceId: first!.id, userId: both.id, response: "yes" });
    await respond({ occurrenceId: third!.id, userId: both.id, response: "maybe" });

    // The series now ends on the second date, in another room: the first date changes, the rest go.
    await updateEvent({
      actorId: coordinator.id,
      eventId,
      data: { ...data, untilDate: second!.slotDate, venue: "Schloss Moritzburg" },
    });

    const [mail] = await mailsTo(last.email);
    expect(mail?.subject).toBe(`Abgesagt: ${data.title}`);
    expect(mail?.text).toContain(
      `Die Veranstaltung „${data.title}“ am ${formatWhen("de", fourth!.startsAt, fourth!.endsAt)} findet leider nicht statt.`,
    );
    const [toBoth] = await mailsTo(both.email);
    expect(toBoth?.subject).toBe(`Abgesagt: ${data.title}`);
    expect(toBoth?.text).toContain(formatWhen("de", third!.startsAt, third!.endsAt));
    expect(toBoth?.text).not.toContain(formatWhen("de", first!.startsAt, first!.endsAt));
    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    const changed = (await mailsTo(both.email)).find((m) => m.subject.includes("wurde geändert"));
    expect(changed?.text).toContain(
      `${formatWhen("de", first!.startsAt, first!.endsAt)}, Schloss Moritzburg, Altmarkt 1, 06712 Zeitz (bisher: Rathaus Zeitz, Saal 2, Altmarkt 1, 06712 Zeitz)`,
    );
  });
});

describe("change mails", () => {
  it("link each attendee to their own date and say the time and place it has now", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const early = await createUser();
    const later = await createUser({ locale: "en" });
    const { eventId, occurrences, data } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      untilDate: daysFromNow(18),
    });
    const [first, second] = occurrences;
    await respond({ occurrenceId: first!.id, userId: early.id, response: "yes" });
    await respond({ occurrenceId: second!.id, userId: later.id, response: "maybe" });

    await updateEvent({
      actorId: coordinator.id,
      eventId,
      data: { ...data, venue: "Schloss Moritzburg", address: "Domplatz 1, 06712 Zeitz" },
    });
    const db = await getDb();
    const urlOf = async (userId: string) =>
      (await db.select().from(notifications).where(eq(notifications.recipientId, userId)))[0]?.url;
    expect(await urlOf(early.id)).toBe(`/events/${eventId}?date=${first!.slotDate}`);
    expect(await urlOf(later.id)).toBe(`/events/${eventId}?date=${second!.slotDate}`);

    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    const [mail] = await mailsTo(early.email);
    expect(mail?.subject).toBe(`Die Veranstaltung „${data.title}“ wurde geändert`);
    expect(mail?.text).toContain("So finden Ihre Termine jetzt statt:");
    expect(mail?.text).toContain(
      `${formatWhen("de", first!.startsAt, first!.endsAt)}, Schloss Moritzburg, Domplatz 1, 06712 Zeitz (bisher: Rathaus Zeitz, Saal 2, Altmarkt 1, 06712 Zeitz)`,
    );
    expect(mail?.text).toContain(`/events/${eventId}?date=${first!.slotDate}`);
    const [english] = await mailsTo(later.email);
    expect(english?.text).toContain(
      `${formatWhen("en", second!.startsAt, second!.endsAt)}, Schloss Moritzburg, Domplatz 1, 06712 Zeitz (previously: Rathaus Zeitz, Saal 2, Altmarkt 1, 06712 Zeitz)`,
    );
    expect(english?.text).toContain(`/events/${eventId}?date=${second!.slotDate}`);
  });

  it("greet the attendee and give a moved date's new time with the one it had ('bisher 16:00–17:00')", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const attendee = await createUser({ name: "Mohammad Al-Ali" });
    const arabic = await createUser({ locale: "ar" });
    const { occurrences, data } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      startsAt: berlinDateTimeToUtc(daysFromNow(10), "16:00"),
      durationMinutes: 60,
      untilDate: daysFromNow(30),
    });
    const second = occurrences[1]!;
    await respond({ occurrenceId: second.id, userId: attendee.id, response: "yes" });
    await respond({ occurrenceId: second.id, userId: arabic.id, response: "maybe" });
    const startsAt = berlinDateTimeToUtc(second.slotDate, "17:00");
    const endsAt = berlinDateTimeToUtc(second.slotDate, "18:30");
    await moveOccurrence({ actorId: coordinator.id, occurrenceId: second.id, startsAt, endsAt });

    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    const [mail] = await mailsTo(attendee.email);
    const day = new Intl.DateTimeFormat("de", {
      weekday: "long",
      day: "numeric",
      month: "long",
      timeZone: "Europe/Berlin",
    });
    expect(mail?.subject).toBe(`Geändert: „${data.title}“ am ${day.format(second.startsAt)}`);
    expect(mail?.text).toContain("Hallo Mohammad Al-Ali,");
    expect(mail?.text).toContain(
      `${formatWhen("de", startsAt, endsAt)}, Rathaus Zeitz, Saal 2, Altmarkt 1, 06712 Zeitz (bisher 16:00–17:00)`,
    );
    expect(mail?.text).not.toContain("> ");
    expect(mail?.html).toContain("(bisher 16:00–17:00)");
    const [inArabic] = await mailsTo(arabic.email);
    expect(inArabic?.text).toContain(
      `(سابقًا ${formatTime("ar", second.startsAt)}–${formatTime("ar", second.endsAt)})`,
    );
  });

  it("name a moved date of a long series, even past the first ten, and count the dates left out", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const attendee = await createUser();
    const { occurrences } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      startsAt: berlinDateTimeToUtc(daysFromNow(10), "16:00"),
      durationMinutes: 60,
      untilDate: daysFromNow(10 + 7 * 13),
    });
    expect(occurrences).toHaveLength(14);
    for (const date of occurrences)
      await respond({ occurrenceId: date.id, userId: attendee.id, response: "yes" });
    const twelfth = occurrences[11]!;
    const startsAt = berlinDateTimeToUtc(twelfth.slotDate, "17:00");
    const endsAt = berlinDateTimeToUtc(twelfth.slotDate, "18:00");
    await moveOccurrence({ actorId: coordinator.id, occurrenceId: twelfth.id, startsAt, endsAt });

    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    const [mail] = await mailsTo(attendee.email);
    expect(mail?.text).toContain(
      `${formatWhen("de", startsAt, endsAt)}, Rathaus Zeitz, Saal 2, Altmarkt 1, 06712 Zeitz (bisher 16:00–17:00)`,
    );
    expect(mail?.text).toContain(formatWhen("de", occurrences[0]!.startsAt, occurrences[0]!.endsAt));
    expect(mail?.text).not.toContain(formatWhen("de", occurrences[13]!.startsAt, occurrences[13]!.endsAt));
    expect(mail?.text).toContain("… und 4 weitere Ihrer Termine (alle auf der Veranstaltungsseite)");
  });

  it("go out without the burst delay when a date within the next two days changes, after it otherwise", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const soon = await createUser();
    const later = await createUser();
    const tomorrow = await createTestEvent(coordinator.id, {
      startsAt: inThirtySixHours(),
      durationMinutes: 60,
    });
    const nextWeek = await createTestEvent(coordinator.id, {
      startsAt: berlinDateTimeToUtc(daysFromNow(7), "16:00"),
      durationMinutes: 60,
    });
    await respond({ occurrenceId: tomorrow.occurrences[0]!.id, userId: soon.id, response: "yes" });
    await respond({ occurrenceId: nextWeek.occurrences[0]!.id, userId: later.id, response: "yes" });
    for (const { eventId, data } of [tomorrow, nextWeek])
      await updateEvent({ actorId: coordinator.id, eventId, data: { ...data, venue: "Schloss Moritzburg" } });

    // Due within seconds (the job waits only for the transaction), not after NOTIFY_MAIL_DELAY_SECONDS.
    await runQueuedJobs({ dueWithinMs: 5_000 });
    expect((await mailsTo(soon.email)).map((m) => m.subject)).toEqual([
      `Die Veranstaltung „${tomorrow.data.title}“ wurde geändert`,
    ]);
    expect(await mailsTo(later.email)).toHaveLength(0);
    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    expect(await mailsTo(later.email)).toHaveLength(1);
  });

  it("still give the time people last heard of when a date is moved twice before the mail goes", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const attendee = await createUser();
    const { occurrences } = await createTestEvent(coordinator.id, {
      frequency: "weekly",
      startsAt: berlinDateTimeToUtc(daysFromNow(10), "16:00"),
      durationMinutes: 60,
      untilDate: daysFromNow(30),
    });
    const date = occurrences[1]!;
    await respond({ occurrenceId: date.id, userId: attendee.id, response: "yes" });
    for (const [from, to] of [
      ["17:00", "18:00"],
      ["18:00", "19:30"],
    ] as const)
      await moveOccurrence({
        actorId: coordinator.id,
        occurrenceId: date.id,
        startsAt: berlinDateTimeToUtc(date.slotDate, from),
        endsAt: berlinDateTimeToUtc(date.slotDate, to),
      });

    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    const mails = await mailsTo(attendee.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(
      `${formatWhen("de", berlinDateTimeToUtc(date.slotDate, "18:00"), berlinDateTimeToUtc(date.slotDate, "19:30"))}, Rathaus Zeitz, Saal 2, Altmarkt 1, 06712 Zeitz (bisher 16:00–17:00)`,
    );
  });
});

describe("mails about an event that became a working group's", () => {
  /**
   * A members' online event whose link is for attendees: both answer yes (in this order), then it
   * is made one group's only, a group the outsider is not in.
   */
  async function madeGroupOnly(capacity: number) {
    const coordinator = await createUser({ role: "coordinator" });
    const [inGroup, outsider] = [await createUser(), await createUser()];
    const link = `https://meet.example.org/ak-${crypto.randomUUID().slice(0, 8)}`;
    const { eventId, data, occurrences } = await createTestEvent(coordinator.id, {
      visibility: "members",
      format: "online",
      venue: null,
      address: null,
      onlineUrl: link,
      capacity,
    });
    const date = occurrences[0]!;
    for (const person of [inGroup, outsider])
      await respond({ occurrenceId: date.id, userId: person.id, response: "yes" });
    const group = await createGroup([inGroup.id]);
    await updateEvent({
      actorId: coordinator.id,
      eventId,
      data: { ...data, visibility: "group", groupId: group.id },
    });
    return { inGroup, outsider, link, date, title: data.title };
  }

  it("remind only those who may still see it, so its link stays in the group", async () => {
    const { inGroup, outsider, link, date } = await madeGroupOnly(2);
    await sendReminder({ occurrenceId: date.id, startsAt: date.startsAt.toISOString() });
    const reminders = async (email: string) =>
      (await mailsTo(email)).filter((m) => m.subject.startsWith("Erinnerung"));
    expect((await reminders(inGroup.email))[0]?.text).toContain(link);
    expect(await reminders(outsider.email)).toHaveLength(0);
  });

  it("take someone outside the group off the waiting list: they are told so, never moved up nor given the link", async () => {
    const { inGroup, outsider, link, date, title } = await madeGroupOnly(1);
    const { promoted } = await respond({ occurrenceId: date.id, userId: inGroup.id, response: "no" });
    expect(promoted).toEqual([]);
    await runQueuedJobs({ dueWithinMs: 10 * 60 * 1000 });
    const mails = await mailsTo(outsider.email);
    expect(mails.map((m) => m.subject)).toEqual([`Antwort zurückgenommen: ${title}`]);
    expect(mails.filter((m) => m.text.includes(link))).toEqual([]);
  });
});
