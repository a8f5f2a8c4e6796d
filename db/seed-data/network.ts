/**
 * The demo network seeded by `db/seed.ts`: invented organisations and people in the Burgenlandkreis.
 * Every address is at the reserved domain example.org; nothing here is a real person. What they wrote
 * on their profiles is in profile-details.ts, the organisations' pages in organisation-details.ts.
 */
import type { OrganisationType } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import type { Municipality, SpokenLanguage, Topic } from "@/lib/network/constants";

export type SeedOrganisation = {
  slug: string;
  name: string;
  type: OrganisationType;
  municipality: Municipality;
};

export const ORGANISATIONS = [
  {
    slug: "koordinierungsstelle-integration",
    name: "Koordinierungsstelle Integration des Burgenlandkreises",
    type: "public_authority",
    municipality: "Naumburg (Saale)",
  },
  {
    slug: "jobcenter-burgenlandkreis",
    name: "Jobcenter Burgenlandkreis",
    type: "public_authority",
    municipality: "Weißenfels",
  },
  {
    slug: "sozialwerk-saale-unstrut",
    name: "Sozialwerk Saale-Unstrut e. V.",
    type: "welfare_association",
    municipality: "Naumburg (Saale)",
  },
  {
    slug: "volkshochschule-burgenlandkreis",
    name: "Volkshochschule Burgenlandkreis",
    type: "education_provider",
    municipality: "Zeitz",
  },
  {
    slug: "brueckenbauer-zeitz",
    name: "Brückenbauer Zeitz e. V. – Verein von Migrantinnen und Migranten",
    type: "migrant_organisation",
    municipality: "Zeitz",
  },
  {
    slug: "sv-blau-weiss-weissenfels",
    name: "SV Blau-Weiß Weißenfels e. V.",
    type: "association",
    municipality: "Weißenfels",
  },
  {
    slug: "logistikzentrum-luetzen",
    name: "Logistikzentrum Lützen GmbH",
    type: "employer",
    municipality: "Lützen",
  },
  {
    slug: "mehrgenerationenhaus-hohenmoelsen",
    name: "Mehrgenerationenhaus Miteinander Hohenmölsen",
    type: "other",
    municipality: "Hohenmölsen",
  },
] as const satisfies readonly SeedOrganisation[];

export type OrganisationSlug = (typeof ORGANISATIONS)[number]["slug"];

/** One member: works at `organisation`, in its municipality unless `municipality` says otherwise. */
export type SeedMember = {
  name: string;
  /** Derived from the name when missing (see `emailFor` in db/seed.ts). */
  email?: string;
  organisation: OrganisationSlug;
  jobFunction: string;
  topics: readonly Topic[];
  /** Always includes "de". */
  languages: readonly SpokenLanguage[];
  locale?: Locale;
  municipality?: Municipality;
};

/** People who also work for other organisations of the network, for example as volunteers. */
export const FURTHER_ORGANISATIONS: Readonly<Record<string, readonly OrganisationSlug[]>> = {
  "Nour Al-Khatib": ["brueckenbauer-zeitz"],
  "Olena Kovalenko": ["mehrgenerationenhaus-hohenmoelsen"],
  "Omar Darwish": ["brueckenbauer-zeitz", "sozialwerk-saale-unstrut"],
  "Markus Braun": ["sv-blau-weiss-weissenfels"],
};

type Row = [
  name: string,
  jobFunction: string,
  topics: readonly Topic[],
  languages: readonly SpokenLanguage[],
  locale?: Locale,
  municipality?: Municipality,
];

/** Compact rows, grouped by organisation, so the list stays readable. */
const STAFF: Record<OrganisationSlug, Row[]> = {
  "koordinierungsstelle-integration": [
    ["Sabine Hoffmann", "Integrationsbeauftragte", ["work", "counselling"], ["de", "en"]],
    ["Andreas Lehmann", "Sachbearbeiter Integration", ["housing"], ["de", "ru"]],
    ["Nour Al-Khatib", "Integrationslotsin", ["counselling", "children_family"], ["ar", "de", "en"], "ar"],
    ["Franziska Wolf", "Ehrenamtskoordinatorin", ["volunteering"], ["de", "en"]],
    ["Dmytro Shevchenko", "Sprachmittler", ["language", "health"], ["uk", "ru", "de"], "uk"],
  ],
  "jobcenter-burgenlandkreis": [
    ["Matthias Schröder", "Arbeitsvermittler", ["work"], ["de", "en"]],
    ["Yvonne Richter", "Fallmanagerin", ["work", "children_family"], ["de"]],
    ["Hamid Rahimi", "Integrationsfachkraft Arbeitsmarkt", ["work", "education"], ["prs", "fa", "de"]],
    ["Claudia Neumann", "Teamleiterin Markt und Integration", ["work"], ["de", "en"], "de", "Zeitz"],
    [
      "Iryna Bondarenko",
      "Arbeitsvermittlerin",
      ["work", "language"],
      ["uk", "de", "ru"],
      "uk",
      "Naumburg (Saale)",
    ],
  ],
  "sozialwerk-saale-unstrut": [
    ["Ahmad Al-Hassan", "Migrationsberatung für Erwachsene", ["counselling", "housing"], ["ar", "de", "ku"]],
    ["Petra Zimmermann", "Jugendmigrationsdienst", ["children_family", "education"], ["de", "en"]],
    ["Tesfay Gebremedhin", "Sozialarbeiter", ["counselling", "health"], ["ti", "de", "en"]],
    [
      "Monika Krüger",
      "Flüchtlingssozialarbeit",
      ["housing", "counselling"],
      ["de"],
      "de",
      "Laucha an der Unstrut",
    ],
    ["Rania Saleh", "Frauenberatung", ["women", "health"], ["ar", "de", "fr"], "ar"],
  ],
  "volkshochschule-burgenlandkreis": [
    [
      "Heike Schulz",
      "Fachbereichsleiterin Deutsch als Zweitsprache",
      ["language", "education"],
      ["de", "en"],
    ],
    ["Olena Kovalenko", "Sprachkursleiterin", ["language"], ["uk", "de", "ru"], "uk"],
    ["Markus Braun", "Sprachkursleiter", ["language", "education"], ["de", "en", "fr"]],
    ["Farida Ahmadi", "Kursleiterin Alphabetisierung", ["language", "women"], ["fa", "prs", "de"]],
    [
      "Thomas Fischer",
      "Koordinator Integrationskurse",
      ["language", "work"],
      ["de", "pl"],
      "de",
      "Weißenfels",
    ],
  ],
  "brueckenbauer-zeitz": [
    ["Mohammad Al-Ali", "Vorsitzender", ["culture_sport", "volunteering"], ["ar", "de"]],
    ["Yonas Tesfamariam", "Kulturmittler", ["counselling", "volunteering"], ["ti", "de", "en"]],
    ["Svitlana Melnyk", "Elternbegleiterin", ["children_family", "education"], ["uk", "ru", "de"], "uk"],
    [
      "Zahra Hosseini",
      "Projektkoordinatorin Frauencafé",
      ["women", "culture_sport"],
      ["fa", "de", "en"],
      "en",
    ],
    [
      "Abdirahman Hassan",
      "Ehrenamtlicher Dolmetscher",
      ["language", "health"],
      ["so", "ar", "de"],
      "de",
      "Elsteraue",
    ],
  ],
  "sv-blau-weiss-weissenfels": [
    ["Jens Hartmann", "Übungsleiter Fußball", ["culture_sport"], ["de"]],
    ["Kerstin Lange", "Integrationsbeauftragte im Sport", ["culture_sport", "volunteering"], ["de", "en"]],
    ["Omar Darwish", "Trainer Jugendfußball", ["culture_sport", "children_family"], ["ar", "de", "en"]],
    ["Mustafa Yılmaz", "Übungsleiter Ringen", ["culture_sport"], ["tr", "de", "ku"]],
    ["Sandra Böhm", "Vorstand Ehrenamt", ["volunteering"], ["de"]],
  ],
  "logistikzentrum-luetzen": [
    ["Frank Müller", "Personalleiter", ["work"], ["de", "en"]],
    ["Anja Seidel", "Ausbildungsleiterin", ["work", "education"], ["de"]],
    ["Ali Reza Karimi", "Schichtleiter", ["work", "language"], ["fa", "prs", "de"], "de", "Weißenfels"],
    ["Natalia Wiśniewska", "Personalreferentin", ["work"], ["pl", "de", "en"], "en"],
    [
      "Kateryna Tkachenko",
      "Betriebliche Integrationsbegleiterin",
      ["work", "counselling"],
      ["uk", "de", "en"],
      "uk",
    ],
  ],
  "mehrgenerationenhaus-hohenmoelsen": [
    ["Birgit Schubert", "Leiterin Mehrgenerationenhaus", ["children_family", "volunteering"], ["de"]],
    ["Aisha Mahmoud", "Familienpatin", ["children_family", "women"], ["ar", "de"], "ar"],
    [
      "Lukas Wagner",
      "Ehrenamtskoordinator",
      ["volunteering", "culture_sport"],
      ["de", "en"],
      "de",
      "Teuchern",
    ],
    ["Mariam Haidari", "Leiterin Sprachcafé", ["language", "culture_sport"], ["ps", "fa", "de"]],
    [
      "Gerhard Pohl",
      "Ehrenamtlicher Lernpate",
      ["education", "language"],
      ["de", "ru"],
      "de",
      "Nebra (Unstrut)",
    ],
  ],
};

export const MEMBERS: SeedMember[] = Object.entries(STAFF).flatMap(([organisation, rows]) =>
  rows.map(([name, jobFunction, topics, languages, locale, municipality]) => ({
    name,
    organisation: organisation as OrganisationSlug,
    jobFunction,
    topics,
    languages,
    locale,
    municipality,
  })),
);

/** The logins printed at start-up; the README names them. */
export const DEMO_ACCOUNTS: (SeedMember & { email: string; role: "admin" | "coordinator" | "member" })[] = [
  {
    role: "admin",
    email: "admin@example.org",
    name: "Stefan Kühn",
    organisation: "koordinierungsstelle-integration",
    jobFunction: "Administration der Plattform",
    topics: ["volunteering"],
    languages: ["de", "en"],
  },
  {
    role: "coordinator",
    email: "koordination@example.org",
    name: "Katrin Vogel",
    organisation: "koordinierungsstelle-integration",
    jobFunction: "Netzwerkkoordinatorin",
    topics: ["work", "language", "volunteering"],
    languages: ["de", "en"],
  },
  {
    role: "member",
    email: "mitglied@example.org",
    name: "Amal Yousef",
    organisation: "sozialwerk-saale-unstrut",
    jobFunction: "Migrationsberatung",
    topics: ["counselling", "women"],
    languages: ["ar", "de", "en"],
  },
];

/** Confirmed their e-mail address, waiting in the approval queue. */
export type SeedApplicant = Omit<SeedMember, "organisation" | "locale"> & {
  email: string;
  locale: Locale;
  organisation: OrganisationSlug | null;
  proposedOrganisation: string | null;
  municipality: Municipality;
  /** How long ago they applied; one waits longer than two days, so the reminder has work. */
  hoursAgo: number;
};

export const APPLICANTS: SeedApplicant[] = [
  {
    name: "Julia Engel",
    email: "bewerbung@example.org",
    locale: "de",
    organisation: "volkshochschule-burgenlandkreis",
    proposedOrganisation: null,
    jobFunction: "Honorarlehrkraft Deutschkurse",
    municipality: "Zeitz",
    topics: ["language", "education"],
    languages: ["de", "en"],
    hoursAgo: 75,
  },
  {
    name: "Yousef Khalil",
    email: "yousef.khalil@example.org",
    locale: "ar",
    organisation: null,
    proposedOrganisation: "Syrisch-Deutscher Kulturverein Weißenfels e. V.",
    jobFunction: "Vorstandsmitglied",
    municipality: "Weißenfels",
    topics: ["culture_sport", "volunteering"],
    languages: ["ar", "de", "en"],
    hoursAgo: 5,
  },
];
