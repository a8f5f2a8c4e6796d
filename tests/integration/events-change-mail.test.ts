// The change mail as it reaches an attendee's mailbox: the new online link (to those who may see it)
// and a subject naming the date when only one date changed. Through the real mail job to a real SMTP
// peer; lib/env.ts reads SMTP_URL once, at import: the modules under test are imported afresh after it is set.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { notifications, organisationAdmins } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { notificationText } from "@/lib/notifications/text";
import { createTestEvent, daysFromNow } from "../support/event-factories";
import { createOrganisation, createUser } from "../support/factories";
import { MAIL_WINDOW, tn } from "../support/notification-lines";
import { addMember } from "../support/organisation-factories";
import { type SmtpCapture, startSmtpCapture, stopSmtpCapture } from "../support/smtp-capture";

let smtp: SmtpCapture;
let events: typeof import("@/lib/events/mutations") &
  typeof import("@/lib/events/date-mutations") &
  typeof import("@/lib/events/rsvp-mutations");
let runQueuedJobs: typeof import("@/lib/jobs/testing").runQueuedJobs;
let berlinDateTimeToUtc: typeof import("@/lib/events/time").berlinDateTimeToUtc;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  process.env.SMTP_URL = smtp.url;
  vi.resetModules();
  events = {
    ...(await import("@/lib/events/mutations")),
    ...(await import("@/lib/events/date-mutations")),
    ...(await import("@/lib/events/rsvp-mutations")),
  };
  runQueuedJobs = (await import("@/lib/jobs/testing")).runQueuedJobs;
  berlinDateTimeToUtc = (await import("@/lib/events/time")).berlinDateTimeToUtc;
});

afterAll(() => stopSmtpCapture(smtp));

const mailsTo = (email: string) => smtp.messages.filter((m) => m.to.includes(email));
const LINK = "https://meet.example.org/neu?raum=7&pin=1";
const HTML_LINK = `<a href="https://meet.example.org/neu?raum=7&amp;pin=1"`;

/** A weekly series of three dates, ten days from now, held online or in person. */
const weekly = (coordinatorId: string, online: boolean) =>
  createTestEvent(coordinatorId, {
    frequency: "weekly",
    startsAt: berlinDateTimeToUtc(daysFromNow(10), "16:00"),
    untilDate: daysFromNow(24),
    ...(online
      ? { format: "online", venue: null, address: null, onlineUrl: "https://meet.example.org/alt" }
      : {}),
  });

describe("a change mail about a new online link", () => {
  it("gives a date's new link, clickable, to that date's attendees only; not to who answered maybe", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const [yes, maybe, other] = [await createUser(), await createUser(), await createUser()];
    const { occurrences } = await weekly(coordinator.id, false);
    const [first, second] = occurrences;
    await events.respond({ occurrenceId: second!.id, userId: yes.id, response: "yes" });
    await events.respond({ occurrenceId: second!.id, userId: maybe.id, response: "maybe" });
    await events.respond({ occurrenceId: first!.id, userId: other.id, response: "yes" });

    // In person to online, then another link: each change mailed before the next.
    for (const onlineUrl of ["https://meet.example.org/erst", LINK]) {
      await events.setOccurrencePlace({
        actorId: coordinator.id,
        occurrenceId: second!.id,
        place: { format: "online", venue: null, address: null, onlineUrl },
      });
      await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    }

    const [switched, relinked] = mailsTo(yes.email);
    expect(switched?.text).toContain(
      "Online (bisher: Rathaus Zeitz, Saal 2, Altmarkt 1, 06712 Zeitz; Link: \u2068https://meet.example.org/erst\u2069)",
    );
    expect(switched?.html).toContain('<a href="https://meet.example.org/erst"');
    expect(relinked?.text).toContain(`Online (neuer Link: \u2068${LINK}\u2069)`);
    expect(relinked?.html).toContain(HTML_LINK);
    const [maybeMail] = mailsTo(maybe.email);
    expect(maybeMail?.text).toContain("Online (bisher: Rathaus Zeitz");
    expect(maybeMail?.text).not.toContain("meet.example.org");
    expect(maybeMail?.html).not.toContain("meet.example.org");
    expect(mailsTo(other.email)).toHaveLength(0);
  });

  it("gives the event's new link to its attendees, and to everyone told when the link is not kept for attendees", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const [yes, maybe] = [await createUser(), await createUser()];
    const { eventId, occurrences, data } = await weekly(coordinator.id, true);
    await events.respond({ occurrenceId: occurrences[0]!.id, userId: yes.id, response: "yes" });
    await events.respond({ occurrenceId: occurrences[1]!.id, userId: maybe.id, response: "maybe" });

    await events.updateEvent({ actorId: coordinator.id, eventId, data: { ...data, onlineUrl: LINK } });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const [mail] = mailsTo(yes.email);
    expect(mail?.subject).toBe(`Die Veranstaltung „${data.title}“ wurde geändert`);
    expect(mail?.text).toContain(`Online (neuer Link: \u2068${LINK}\u2069)`);
    expect(mail?.html).toContain(HTML_LINK);
    expect(mailsTo(maybe.email)[0]?.text).toContain("Online (neuer Link)");
    expect(mailsTo(maybe.email)[0]?.text).not.toContain("meet.example.org");

    const open = "https://meet.example.org/offen";
    await events.updateEvent({
      actorId: coordinator.id,
      eventId,
      data: { ...data, onlineUrl: open, onlineUrlAttendeesOnly: false },
    });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(mailsTo(maybe.email)).toHaveLength(2);
    expect(mailsTo(maybe.email)[1]?.text).toContain(`Online (neuer Link: \u2068${open}\u2069)`);
  });

  it("gives the new link to who runs the event though they answered maybe, as the event page shows it them", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const organising = await createOrganisation();
    const [admin, maybe] = [await addMember(organising.id), await createUser()];
    await (await getDb())
      .insert(organisationAdmins)
      .values({ organisationId: organising.id, userId: admin.id });
    const { eventId, occurrences, data } = await createTestEvent(coordinator.id, {
      startsAt: berlinDateTimeToUtc(daysFromNow(10), "16:00"),
      format: "online",
      venue: null,
      address: null,
      onlineUrl: "https://meet.example.org/alt",
      organiserOrganisationId: organising.id,
    });
    for (const userId of [admin.id, maybe.id])
      await events.respond({ occurrenceId: occurrences[0]!.id, userId, response: "maybe" });

    await events.updateEvent({ actorId: coordinator.id, eventId, data: { ...data, onlineUrl: LINK } });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const [adminMail] = mailsTo(admin.email);
    expect(adminMail?.text).toContain(`Online (neuer Link: \u2068${LINK}\u2069)`);
    expect(adminMail?.html).toContain(HTML_LINK);
    expect(mailsTo(maybe.email)[0]?.text).toContain("Online (neuer Link)");
    expect(mailsTo(maybe.email)[0]?.text).not.toContain("meet.example.org");
  });
});
/** "Dienstag, 15. Dezember" in the recipient's language, Berlin time. */
const dayOf = (locale: Locale, d: Date) =>
  new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "Europe/Berlin",
  }).format(d);

describe("a change mail's subject", () => {
  it("names the date when only that date moved or got a place of its own, in the recipient's language", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const people = {
      de: await createUser({ locale: "de" }),
      en: await createUser({ locale: "en" }),
      uk: await createUser({ locale: "uk" }),
      ar: await createUser({ locale: "ar" }),
    };
    const { occurrences, data } = await weekly(coordinator.id, false);
    const date = occurrences[1]!;
    for (const person of Object.values(people))
      await events.respond({ occurrenceId: date.id, userId: person.id, response: "yes" });

    await events.setOccurrencePlace({
      actorId: coordinator.id,
      occurrenceId: date.id,
      place: { format: "in_person", venue: "Bürgerhaus Zeitz", address: null, onlineUrl: null },
    });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const expected: Record<Locale, string> = {
      de: `Geändert: „${data.title}“ am ${dayOf("de", date.startsAt)}`,
      en: `Changed: “${data.title}” on ${dayOf("en", date.startsAt)}`,
      uk: `Змінено: «${data.title}» на ${dayOf("uk", date.startsAt)}`,
      ar: `تغيير في «${data.title}» يوم ${dayOf("ar", date.startsAt)}`,
    };
    for (const [locale, person] of Object.entries(people))
      expect(mailsTo(person.email)[0]?.subject).toBe(expected[locale as Locale]);

    // A moved date is named by the day its attendees knew it on.
    const later = new Date(date.startsAt.getTime() + 24 * 3_600_000);
    await events.moveOccurrence({
      actorId: coordinator.id,
      occurrenceId: date.id,
      startsAt: later,
      endsAt: new Date(later.getTime() + 90 * 60_000),
    });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(mailsTo(people.de.email)[1]?.subject).toBe(expected.de);
  });

  it("stays the event's when the series changes", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const attendee = await createUser();
    const { eventId, occurrences, data } = await weekly(coordinator.id, false);
    await events.respond({ occurrenceId: occurrences[0]!.id, userId: attendee.id, response: "yes" });
    await events.updateEvent({
      actorId: coordinator.id,
      eventId,
      data: { ...data, venue: "Schloss Moritzburg" },
    });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(mailsTo(attendee.email)[0]?.subject).toBe(`Die Veranstaltung „${data.title}“ wurde geändert`);
  });

  it("names the event's new title when it was renamed before the mail went out, and so does the centre", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const attendee = await createUser();
    const { eventId, occurrences, data } = await weekly(coordinator.id, false);
    await events.respond({ occurrenceId: occurrences[0]!.id, userId: attendee.id, response: "yes" });
    const moved = { ...data, venue: "Schloss Moritzburg" };
    await events.updateEvent({ actorId: coordinator.id, eventId, data: moved });
    const renamed = `${data.title} im Schloss`;
    await events.updateEvent({ actorId: coordinator.id, eventId, data: { ...moved, title: renamed } });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(mailsTo(attendee.email).map((m) => m.subject)).toEqual([
      `Die Veranstaltung „${renamed}“ wurde geändert`,
    ]);
    const lines = await (await getDb())
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, attendee.id));
    expect(lines.map((line) => notificationText(tn, { ...line, actorName: null }))).toEqual([
      expect.stringContaining(`„${renamed}“`),
    ]);
  });
});
