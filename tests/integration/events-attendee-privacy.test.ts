import { prerenderToNodeStream } from "react-dom/static";
import { describe, expect, it, vi } from "vitest";
import AttendeesPage from "@/app/(public)/events/[id]/attendees/page";
import EventPage from "@/app/(public)/events/[id]/page";
import { VISIBILITY } from "@/db/schema";
import { setOccurrenceStatus } from "@/lib/events/date-mutations";
import { attendeesCsvResponse } from "@/lib/events/feeds";
import { cancelEvent } from "@/lib/events/mutations";
import { respond } from "@/lib/events/rsvp-mutations";
import { actAs } from "../support/actions";
import { createTestEvent, daysFromNow } from "../support/event-factories";
import { createMember, createSession, createUser } from "../support/factories";

vi.mock("next-intl/server", async (original) => ({
  ...(await original<typeof import("next-intl/server")>()),
  getLocale: async () => "de",
}));

/** A page as the person with this session (undefined: a visitor) reads it: its text, links kept as `[text](href)`. */
async function read(session: string | undefined, page: () => Promise<React.ReactElement>) {
  const html = await actAs(session, async () => {
    // prerender, unlike renderToStaticMarkup, waits for the async server components inside the page.
    const { prelude } = await prerenderToNodeStream(await page());
    let markup = "";
    for await (const chunk of prelude) markup += chunk;
    return markup;
  });
  return String(html)
    .replace(
      /<a [^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/g,
      (_, href: string, text: string) => `[${text}](${href})`,
    )
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/[\u2068\u2069]/g, "")
    .replace(/\s+/g, " ");
}

const props = (id: string, search: Record<string, string> = {}) => ({
  params: Promise.resolve({ id }),
  searchParams: Promise.resolve(search),
});

/** The RSVP panel ("Teilnahme") of an event page, as text. */
async function rsvpPanel(session: string | undefined, eventId: string, date?: string) {
  const text = await read(session, () => EventPage(props(eventId, date ? { date } : {})));
  return text.slice(text.indexOf(" Teilnahme "), text.indexOf(" Beschreibung "));
}

describe("what organisers see of the people who answered", () => {
  it("names and answers, an e-mail only where the profile shows a contact e-mail to members, never the sign-in address", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const session = await createSession(coordinator.id);
    const open = await createMember({
      name: "Anna Offen",
      profile: { contactEmail: "anna.kontakt@verein.example" },
      visibility: { contact: VISIBILITY.members },
    });
    const hidden = await createMember({
      name: "Bernd Verborgen",
      profile: { contactEmail: "bernd.kontakt@verein.example" },
      visibility: { contact: VISIBILITY.hidden },
    });
    const noProfile = await createUser({ name: "Clara Ohneprofil" });
    const { eventId, occurrences } = await createTestEvent(coordinator.id);
    const date = occurrences[0]!;
    await respond({ occurrenceId: date.id, userId: open.id, response: "yes" });
    await respond({ occurrenceId: date.id, userId: hidden.id, response: "no" });
    await respond({ occurrenceId: date.id, userId: noProfile.id, response: "maybe" });

    const page = await read(session, () => AttendeesPage(props(eventId, { date: date.slotDate })));
    const csv = await (
      await attendeesCsvResponse(eventId, date.slotDate, {
        ...coordinator,
        locale: "de",
        needsConsent: false,
      })
    ).text();
    expect(page).toContain("Anna Offen [anna.kontakt@verein.example](mailto:anna.kontakt@verein.example)");
    expect(page).toContain("Bernd Verborgen nicht freigegeben");
    expect(page).toContain("Clara Ohneprofil nicht freigegeben");
    expect(csv).toContain('"Anna Offen";"anna.kontakt@verein.example";"Zusage"');
    expect(csv).toContain('"Bernd Verborgen";"";"Absage"');
    expect(csv).toContain('"Clara Ohneprofil";"";"Vielleicht"');
    for (const text of [page, csv]) {
      expect(text).not.toContain("bernd.kontakt@verein.example");
      for (const person of [open, hidden, noProfile]) expect(text).not.toContain(person.email);
    }
  });

  it("is told to each member in the RSVP panel, with the contact e-mail only when their profile shows it", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const open = await createMember({
      profile: { contactEmail: "dora.kontakt@verein.example" },
      visibility: { contact: VISIBILITY.members },
    });
    const hidden = await createMember({
      profile: { contactEmail: "emil.kontakt@verein.example" },
      visibility: { contact: VISIBILITY.hidden },
    });
    const { eventId } = await createTestEvent(coordinator.id);

    const openPanel = await rsvpPanel(await createSession(open.id), eventId);
    expect(openPanel).toContain(
      "Die Veranstaltenden sehen Ihren Namen, Ihre Antwort und die Kontakt-E-Mail aus Ihrem Profil (dora.kontakt@verein.example). [Profil ändern](/settings/profile)",
    );
    const hiddenPanel = await rsvpPanel(await createSession(hidden.id), eventId);
    expect(hiddenPanel).toContain("Die Veranstaltenden sehen Ihren Namen und Ihre Antwort.");
    expect(hiddenPanel).not.toContain("emil.kontakt@verein.example");
    expect(hiddenPanel).not.toContain(hidden.email);
  });
});

describe("the RSVP panel of a called-off date", () => {
  it("says the event is cancelled and that one's registration lapses, with no seat count and no answer buttons", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser();
    const session = await createSession(member.id);
    const { eventId, occurrences } = await createTestEvent(coordinator.id, { capacity: 10 });
    await respond({ occurrenceId: occurrences[0]!.id, userId: member.id, response: "yes" });
    expect(await rsvpPanel(session, eventId)).toContain("Sie sind angemeldet.");

    await cancelEvent({ actorId: coordinator.id, eventId });
    const panel = await rsvpPanel(session, eventId);
    expect(panel).toContain(
      "Die Veranstaltung ist abgesagt. Eine Anmeldung ist nicht möglich. Sie hatten zugesagt. Ihre Anmeldung entfällt damit.",
    );
    expect(panel).not.toContain("Sie sind angemeldet");
    expect(panel).not.toContain("Plätzen belegt");
    expect(panel).not.toMatch(/Ich komme|Vielleicht|Absagen/);
  });

  it("says a cancelled date of a series is off, to members and visitors alike, without '0 von 1 Plätzen belegt'", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const member = await createUser();
    const session = await createSession(member.id);
    const { eventId, occurrences } = await createTestEvent(coordinator.id, {
      capacity: 1,
      frequency: "weekly",
      untilDate: daysFromNow(30),
    });
    const date = occurrences[1] ?? occurrences[0]!;
    await setOccurrenceStatus({ actorId: coordinator.id, occurrenceId: date.id, status: "cancelled" });
    for (const viewer of [session, undefined]) {
      const panel = await rsvpPanel(viewer, eventId, date.slotDate);
      expect(panel).toContain("Dieser Termin fällt aus. Eine Anmeldung ist nicht möglich.");
      expect(panel).not.toContain("Plätzen belegt");
      expect(panel).not.toMatch(/Ich komme|Anmelden|Mitglied werden/);
    }
  });
});

describe("the RSVP panel for people who cannot answer yet", () => {
  it("offers visitors the sign-in that comes back here and the way to become a member", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const { eventId } = await createTestEvent(coordinator.id);
    const panel = await rsvpPanel(undefined, eventId);
    expect(panel).toContain("Zusagen können Mitglieder des Netzwerks.");
    expect(panel).toMatch(/\[Als Mitglied anmelden und antworten\]\(\/login/);
    expect(panel).toContain("Noch kein Mitglied? [Jetzt Mitglied werden](/signup).");
  });

  it("tells a signed-in applicant they can answer once approved, not to sign in", async () => {
    const coordinator = await createUser({ role: "coordinator" });
    const applicant = await createUser({ status: "pending" });
    const { eventId } = await createTestEvent(coordinator.id);
    const panel = await rsvpPanel(await createSession(applicant.id), eventId);
    expect(panel).toContain(
      "Sobald Ihre Bewerbung freigeschaltet ist, können Sie hier antworten. [Zu Ihrer Bewerbung](/application)",
    );
    expect(panel).not.toContain("/login");
  });
});
