import { inArray } from "drizzle-orm";
import type { Transaction } from "../client";
import { type NewOrganisationOffer, organisationOffers, VISIBILITY } from "../schema";
import type { OrganisationSlug } from "./network";

type SeedOffer = Omit<NewOrganisationOffer, "id" | "organisationId"> & { organisation: OrganisationSlug };

/** What the demo organisations run: counselling, courses, sport and a café, as such networks do. */
const OFFERS: SeedOffer[] = [
  {
    organisation: "sozialwerk-saale-unstrut",
    title: "Migrationsberatung für Erwachsene (MBE)",
    description:
      "Beratung für Zugewanderte ab 27 Jahren: Aufenthalt, Sprachkurse, Arbeit, Wohnung, Familie und Gesundheit.\n\n- kostenlos und vertraulich\n- Dolmetschen nach Absprache",
    topics: ["counselling", "work", "housing"],
    languages: ["de", "ar", "ru", "en"],
    formats: ["in_person", "phone"],
    municipality: "Naumburg (Saale)",
    location: "Beratungsstelle Naumburg, Markt 12",
    schedule: "Dienstag 9–12 Uhr ohne Termin, Donnerstag 13–17 Uhr mit Termin",
    contact: "Termine unter 03445 200300",
  },
  {
    organisation: "sozialwerk-saale-unstrut",
    title: "Online-Sprechstunde Wohnen",
    description: "Fragen zu Mietvertrag, Kaution, Nebenkosten und Wohnberechtigungsschein, per Video.",
    topics: ["housing", "counselling"],
    languages: ["de", "uk", "ru"],
    formats: ["online"],
    schedule: "Mittwoch 16–17 Uhr",
    contact: "Der Link steht in der Veranstaltung im Kalender.",
  },
  {
    organisation: "volkshochschule-burgenlandkreis",
    title: "Integrationskurs Deutsch (A1 bis B1)",
    description:
      "Sprachkurs mit Orientierungskurs, vom Bundesamt für Migration und Flüchtlinge gefördert. Einstufung vor Kursbeginn.",
    topics: ["language", "education"],
    languages: ["de"],
    formats: ["in_person"],
    municipality: "Zeitz",
    location: "VHS Zeitz, Schützenplatz 1",
    schedule: "Montag bis Freitag 8:30–12:45 Uhr, neue Kurse jeden Monat",
    contact: "Anmeldung und Einstufung: 03441 400500",
  },
  {
    organisation: "volkshochschule-burgenlandkreis",
    title: "Lerncafé für Kursteilnehmende",
    topics: ["language"],
    languages: ["de", "ar", "fa"],
    formats: ["in_person"],
    municipality: "Weißenfels",
    schedule: "Donnerstag 15–17 Uhr",
  },
  {
    organisation: "brueckenbauer-zeitz",
    title: "Sprachmittlung im Ehrenamt",
    description: "Ehrenamtliche begleiten zu Ämtern, Ärztinnen und Schulen und übersetzen.",
    topics: ["volunteering", "health", "children_family"],
    languages: ["ar", "ku", "ti", "uk", "ru"],
    formats: ["in_person", "phone"],
    municipality: "Zeitz",
    schedule: "Nach Vereinbarung, mindestens drei Tage vorher",
    contact: "Koordination: 03441 222333",
  },
  {
    organisation: "brueckenbauer-zeitz",
    title: "Austausch für Koordinatorinnen der Sprachmittlung",
    topics: ["volunteering"],
    languages: ["de"],
    formats: ["online"],
    schedule: "Erster Montag im Monat, 18 Uhr",
    visibility: VISIBILITY.members,
  },
  {
    organisation: "sv-blau-weiss-weissenfels",
    title: "Fußball für alle",
    description: "Offenes Training für Jugendliche und Erwachsene, Schuhe und Trikots zum Ausleihen.",
    topics: ["culture_sport"],
    languages: ["de", "en", "ar"],
    formats: ["in_person"],
    municipality: "Weißenfels",
    location: "Sportplatz an der Saale",
    schedule: "Freitag 17–19 Uhr",
  },
  {
    organisation: "mehrgenerationenhaus-hohenmoelsen",
    title: "Internationales Elterncafé",
    topics: ["children_family", "women"],
    languages: ["de", "ar", "uk"],
    formats: ["in_person"],
    municipality: "Hohenmölsen",
    schedule: "Mittwoch 9:30–11 Uhr, mit Kinderbetreuung",
  },
];

/** Offers for demo organisations that have none yet, so a rerun neither doubles nor undoes edits. */
export async function insertOffers(tx: Transaction, organisationIds: Map<string, string>): Promise<void> {
  const ids = [...new Set(OFFERS.map((offer) => organisationIds.get(offer.organisation)))].filter(
    (id): id is string => Boolean(id),
  );
  const existing = await tx
    .selectDistinct({ organisationId: organisationOffers.organisationId })
    .from(organisationOffers)
    .where(inArray(organisationOffers.organisationId, ids));
  const done = new Set(existing.map((row) => row.organisationId));
  const rows = OFFERS.flatMap(({ organisation, ...offer }) => {
    const organisationId = organisationIds.get(organisation);
    return organisationId && !done.has(organisationId) ? [{ ...offer, organisationId }] : [];
  });
  if (rows.length > 0) await tx.insert(organisationOffers).values(rows);
}
