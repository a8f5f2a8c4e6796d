import { and, asc, eq, inArray } from "drizzle-orm";
import { expandSeries } from "@/lib/events/recurrence";
import { addDays, berlinDate, berlinDateTimeToUtc, weekdayOf } from "@/lib/events/time";
import type { Transaction } from "../client";
import {
  type EventFrequency,
  eventOccurrences,
  eventRsvps,
  events,
  type NewEvent,
  organisations,
  users,
} from "../schema";

const DAY = 24 * 3_600_000;

/** The next Berlin date on this weekday (0 = Sunday), at least `minDays` from today. */
function nextWeekday(now: number, weekday: number, minDays = 1): string {
  let date = addDays(berlinDate(new Date(now)), minDays);
  while (weekdayOf(date) !== weekday) date = addDays(date, 1);
  return date;
}

type SeedEvent = Omit<NewEvent, "id" | "startsAt" | "durationMinutes" | "organiserOrganisationId"> & {
  id: string;
  organisation: string;
  date: string;
  start: string;
  end: string;
  frequency: EventFrequency;
  /** Share of the demo members who said yes to the first date (0–1). */
  yes: number;
  /** Slot indexes cancelled, and one moved by two hours. */
  cancelled?: number[];
  moved?: number;
};

function seedEvents(now: number): SeedEvent[] {
  const today = berlinDate(new Date(now));
  return [
    {
      id: "demo-event-online-sprechstunde",
      title: "Online-Sprechstunde: Fragen rund um Aufenthalt, Arbeit und Anerkennung",
      description:
        "Jeden Dienstag beantwortet die Koordinierungsstelle Ihre Fragen aus der Beratungspraxis – **ohne Anmeldung der Ratsuchenden**, gern mit anonymisierten Fällen.\n\n- Aufenthaltsrecht und Beschäftigungserlaubnis\n- Anerkennung ausländischer Abschlüsse\n- Wer ist im Landkreis zuständig?\n\nDolmetschung ins Arabische und Ukrainische nach Absprache.",
      topic: "counselling",
      languages: ["de", "ar", "uk"],
      format: "online",
      onlineUrl: "https://meet.example.org/knotenpunkt-sprechstunde",
      onlineUrlAttendeesOnly: true,
      accessibility: "Live-Untertitel auf Deutsch. Teilnahme auch per Telefon möglich.",
      visibility: "public",
      organisation: "koordinierungsstelle-integration",
      date: nextWeekday(now, 2),
      start: "10:00",
      end: "11:30",
      frequency: "weekly",
      untilDate: addDays(today, 180),
      capacity: 25,
      yes: 0.3,
      cancelled: [3],
      moved: 5,
    },
    {
      id: "demo-event-netzwerktreffen",
      title: "Netzwerktreffen Integration Burgenlandkreis",
      description:
        "Das monatliche Treffen aller Partner im Netzwerk: Neuigkeiten aus dem Landkreis, Austausch über aktuelle Fälle und Vorhaben, Zeit zum Kennenlernen.\n\nKaffee und Kuchen stellt das Mehrgenerationenhaus.",
      topic: "volunteering",
      languages: ["de"],
      format: "in_person",
      venue: "Landratsamt Burgenlandkreis, Sitzungssaal",
      address: "Schönburger Straße 41, 06618 Naumburg (Saale)",
      municipality: "Naumburg (Saale)",
      accessibility: "Stufenloser Zugang über den Seiteneingang, barrierefreies WC im Erdgeschoss.",
      visibility: "members",
      organisation: "koordinierungsstelle-integration",
      date: nextWeekday(now, 3, 5),
      start: "14:00",
      end: "16:30",
      frequency: "monthly",
      untilDate: addDays(today, 365),
      capacity: 40,
      yes: 0.5,
    },
    {
      id: "demo-event-fortbildung-kommunikation",
      title: "Fortbildung: Interkulturelle Kommunikation in der Beratung",
      description:
        "Ein Tag Praxis für Beraterinnen und Berater: Missverständnisse erkennen, mit Sprachmittlung arbeiten, schwierige Gespräche führen. Mit Übungen aus dem Beratungsalltag.\n\nReferentin: Dr. Miriam Haddad, Bildungswerk Saale-Unstrut.",
      topic: "education",
      languages: ["de"],
      format: "in_person",
      venue: "Volkshochschule, Raum 104",
      address: "Schützenplatz 13, 06712 Zeitz",
      municipality: "Zeitz",
      accessibility:
        "Aufzug vorhanden. Bitte geben Sie Bescheid, wenn Sie Gebärdensprachdolmetschung brauchen.",
      visibility: "public",
      organisation: "volkshochschule-burgenlandkreis",
      date: nextWeekday(now, 4, 14),
      start: "09:00",
      end: "15:00",
      frequency: "none",
      capacity: 16,
      yes: 1,
    },
    {
      id: "demo-event-workshop-anerkennung",
      title: "Workshop: Anerkennung ausländischer Berufsabschlüsse",
      description:
        "Wie läuft ein Anerkennungsverfahren? Welche Unterlagen braucht es, wer bezahlt die Übersetzungen? Das Jobcenter und die IQ-Beratung zeigen den Weg an Beispielen.",
      topic: "work",
      languages: ["de", "en", "ar"],
      format: "in_person",
      venue: "Jobcenter Burgenlandkreis, Schulungsraum",
      address: "Naumburger Straße 20, 06667 Weißenfels",
      municipality: "Weißenfels",
      visibility: "public",
      organisation: "jobcenter-burgenlandkreis",
      date: nextWeekday(now, 3, 21),
      start: "13:00",
      end: "16:00",
      frequency: "none",
      capacity: 25,
      yes: 0.2,
    },
    {
      id: "demo-event-sprachcafe",
      title: "Sprachcafé Hohenmölsen",
      description:
        "Deutsch sprechen ohne Prüfungsdruck: Neuzugewanderte und Ehrenamtliche treffen sich alle zwei Wochen bei Tee und Gebäck. Kinder sind willkommen.",
      topic: "language",
      languages: ["de", "ar", "uk", "fa"],
      format: "in_person",
      venue: "Mehrgenerationenhaus Hohenmölsen",
      address: "Markt 4, 06679 Hohenmölsen",
      municipality: "Hohenmölsen",
      accessibility: "Ebenerdig, Spielecke für Kinder.",
      visibility: "public",
      organisation: "mehrgenerationenhaus-hohenmoelsen",
      date: nextWeekday(now, 4),
      start: "16:00",
      end: "18:00",
      frequency: "biweekly",
      untilDate: addDays(today, 120),
      yes: 0.1,
    },
    {
      id: "demo-event-fachtag-migration",
      title: "Fachtag Migration und Arbeit 2026",
      description:
        "Vorträge und Foren zur Arbeitsmarktintegration im ländlichen Raum. Die Präsentationen finden Sie im Forum.",
      topic: "work",
      languages: ["de"],
      format: "in_person",
      venue: "Kulturhaus Weißenfels",
      address: "Merseburger Straße 14, 06667 Weißenfels",
      municipality: "Weißenfels",
      visibility: "public",
      organisation: "koordinierungsstelle-integration",
      date: addDays(today, -45),
      start: "09:30",
      end: "16:00",
      frequency: "none",
      capacity: 120,
      yes: 0.6,
    },
  ];
}

/** The demo events with their dates and some answers. Idempotent: events that exist are left alone. */
export async function insertEvents(tx: Transaction, now: number): Promise<void> {
  const seeds = seedEvents(now);
  const existing = await tx
    .select({ id: events.id })
    .from(events)
    .where(
      inArray(
        events.id,
        seeds.map((s) => s.id),
      ),
    );
  const missing = seeds.filter((s) => !existing.some((e) => e.id === s.id));
  if (missing.length === 0) return;
  const orgs = await tx.select({ id: organisations.id, slug: organisations.slug }).from(organisations);
  const people = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.status, "approved"), eq(users.role, "member")))
    .orderBy(asc(users.email))
    .limit(40);
  for (const seed of missing) {
    const { id, organisation, date, start, end, yes, cancelled = [], moved, ...fields } = seed;
    const startsAt = berlinDateTimeToUtc(date, start);
    const durationMinutes = (berlinDateTimeToUtc(date, end).getTime() - startsAt.getTime()) / 60_000;
    await tx.insert(events).values({
      ...fields,
      id,
      startsAt,
      durationMinutes,
      organiserOrganisationId: orgs.find((o) => o.slug === organisation)?.id ?? null,
      createdAt: new Date(now - 30 * DAY),
      updatedAt: new Date(now - 2 * DAY),
    });
    const slots = expandSeries({
      frequency: seed.frequency,
      startsAt,
      durationMinutes,
      untilDate: seed.untilDate ?? null,
    });
    const rows = slots.map((slot, i) => {
      const shift = i === moved ? 2 * 3_600_000 : 0;
      return {
        id: `${id}-${slot.slotDate}`,
        eventId: id,
        slotDate: slot.slotDate,
        originalStartsAt: slot.startsAt,
        startsAt: new Date(slot.startsAt.getTime() + shift),
        endsAt: new Date(slot.endsAt.getTime() + shift),
        status: cancelled.includes(i) ? ("cancelled" as const) : ("scheduled" as const),
      };
    });
    await tx.insert(eventOccurrences).values(rows);
    const seats = seed.capacity ?? people.length;
    const going = people.slice(0, Math.min(seats, Math.round(people.length * yes)));
    const first = rows[0]!;
    if (going.length > 0) {
      await tx.insert(eventRsvps).values(
        going.map((p, i) => ({
          occurrenceId: first.id,
          userId: p.id,
          response: i % 7 === 6 ? ("maybe" as const) : ("yes" as const),
          createdAt: new Date(now - (10 - (i % 10)) * DAY),
          updatedAt: new Date(now - (10 - (i % 10)) * DAY),
        })),
      );
    }
  }
}
