/**
 * Descriptions and contact details of the demo organisations. Postcodes are the real ones of each
 * town; street numbers, telephone numbers and everything at example.org are invented.
 */
import type { OrganisationSlug } from "./network";

/** The columns the seed fills on organisations that a previous seed version created without them. */
export const ORGANISATION_FIELDS = [
  "description",
  "street",
  "postcode",
  "city",
  "phone",
  "email",
  "website",
] as const;

export type OrganisationDetails = {
  description: string;
  street: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
  /** Login of the member who may edit the organisation's page. */
  admin: string;
};

export const ORGANISATION_DETAILS: Record<OrganisationSlug, OrganisationDetails> = {
  "koordinierungsstelle-integration": {
    description:
      "Die Koordinierungsstelle bündelt die Integrationsarbeit im **Burgenlandkreis**. Wir vernetzen Behörden, Vereine, Bildungsträger und Arbeitgeber, moderieren die Netzwerktreffen und betreiben diese Plattform. Neue Partnerinnen und Partner sind jederzeit willkommen.",
    street: "Schönburger Straße 12",
    postcode: "06618",
    city: "Naumburg (Saale)",
    phone: "03445 731270",
    email: "integration@example.org",
    admin: "sabine.hoffmann@example.org",
  },
  "jobcenter-burgenlandkreis": {
    description:
      "Das Jobcenter unterstützt Menschen beim Einstieg in Arbeit und Ausbildung. Unser Team **Markt und Integration** berät Zugewanderte zu Anerkennung, Sprachförderung und Weiterbildung und arbeitet eng mit Arbeitgebern der Region zusammen.",
    street: "Naumburger Straße 28",
    postcode: "06667",
    city: "Weißenfels",
    phone: "03443 28150",
    email: "jobcenter@example.org",
    admin: "matthias.schroeder@example.org",
  },
  "sozialwerk-saale-unstrut": {
    description:
      "Der Wohlfahrtsverband bietet unter einem Dach:\n\n- Migrationsberatung für Erwachsene\n- Jugendmigrationsdienst\n- Flüchtlingssozialarbeit und Frauenberatung\n\nUnsere Beratung ist kostenlos, vertraulich und auf Wunsch mit Sprachmittlung.",
    street: "Jakobsstraße 7",
    postcode: "06618",
    city: "Naumburg (Saale)",
    phone: "03445 261840",
    email: "beratung@example.org",
    admin: "mitglied@example.org",
  },
  "volkshochschule-burgenlandkreis": {
    description:
      "Die Volkshochschule bietet **Integrationskurse**, Alphabetisierungskurse und berufsbezogene Deutschkurse an den Standorten Zeitz, Naumburg und Weißenfels an. Einstufungstests finden jeden Dienstag statt, eine Anmeldung ist nicht nötig.",
    street: "Schützenplatz 4",
    postcode: "06712",
    city: "Zeitz",
    phone: "03441 217360",
    email: "vhs@example.org",
    admin: "heike.schulz@example.org",
  },
  "brueckenbauer-zeitz": {
    description:
      "Wir sind ein Verein von Migrantinnen und Migranten aus über zehn Ländern. Wir begleiten Neuangekommene zu Ämtern, organisieren das **Frauencafé** und Kulturabende und vermitteln ehrenamtliche Dolmetscherinnen und Dolmetscher.",
    street: "Altmarkt 15",
    postcode: "06712",
    city: "Zeitz",
    phone: "03441 852093",
    email: "brueckenbauer@example.org",
    admin: "mohammad.al-ali@example.org",
  },
  "sv-blau-weiss-weissenfels": {
    description:
      "Sport verbindet: Im Verein trainieren über 400 Mitglieder in Fußball, Ringen und Leichtathletik. Kinder und Jugendliche mit Fluchterfahrung können **kostenlos** mittrainieren, Ausrüstung stellen wir.",
    street: "Am Stadtpark 3",
    postcode: "06667",
    city: "Weißenfels",
    phone: "03443 302418",
    email: "blau-weiss@example.org",
    admin: "kerstin.lange@example.org",
  },
  "logistikzentrum-luetzen": {
    description:
      "Das Logistikzentrum beschäftigt rund 350 Menschen aus 19 Nationen. Wir bilden Fachkräfte für Lagerlogistik aus und bieten Praktika mit **begleitendem Deutschunterricht** im Betrieb an.",
    street: "Gewerbepark Süd 9",
    postcode: "06686",
    city: "Lützen",
    phone: "034444 90310",
    email: "personal@example.org",
    admin: "frank.mueller@example.org",
  },
  "mehrgenerationenhaus-hohenmoelsen": {
    description:
      "Ein offenes Haus für alle Generationen und Herkünfte. Bei uns gibt es das **Sprachcafé** (donnerstags 15 Uhr), eine Familienpatenschaft, Hausaufgabenhilfe und einen Mittagstisch. Kommen Sie einfach vorbei!",
    street: "Ernst-Thälmann-Straße 21",
    postcode: "06679",
    city: "Hohenmölsen",
    phone: "034441 44720",
    email: "mgh-hohenmoelsen@example.org",
    admin: "birgit.schubert@example.org",
  },
};
