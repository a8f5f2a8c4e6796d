/**
 * What the demo members wrote on their profiles, keyed by name, and who they show it to.
 * Telephone numbers are invented; e-mail addresses are at the reserved domain example.org.
 */
import { VISIBILITY, type Visibility } from "@/db/schema";

/**
 * public: name, function, organisation, place, topics, languages and bio for everyone; open: contact too;
 * members: everything for members only (the default); reserved: contact hidden; private: bio and contact hidden.
 */
export type Audience = "public" | "open" | "members" | "reserved" | "private";

export type ProfileDetails = {
  audience: Audience;
  bio?: string;
  contactEmail?: string;
  phone?: string;
  website?: string;
};

type VisibilityColumns = {
  visName: Visibility;
  visPhoto: Visibility;
  visJobFunction: Visibility;
  visOrganisation: Visibility;
  visMunicipality: Visibility;
  visTopics: Visibility;
  visLanguages: Visibility;
  visBio: Visibility;
  visContact: Visibility;
};

export function visibilityFor(audience: Audience): VisibilityColumns {
  const { public: everyone, members, hidden } = VISIBILITY;
  const shown = audience === "public" || audience === "open" ? everyone : members;
  return {
    visName: shown,
    visPhoto: shown,
    visJobFunction: shown,
    visOrganisation: shown,
    visMunicipality: shown,
    visTopics: shown,
    visLanguages: shown,
    visBio: audience === "private" ? hidden : shown,
    visContact:
      audience === "open" ? everyone : audience === "reserved" || audience === "private" ? hidden : members,
  };
}

/** The profile columns the seed sets for a person; people not listed keep the defaults. */
export function profileDetailsFor(name: string) {
  const details = PROFILE_DETAILS[name] ?? { audience: "members" };
  const { bio = null, contactEmail = null, phone = null, website = null } = details;
  return { bio, contactEmail, phone, website, ...visibilityFor(details.audience) };
}

export const PROFILE_DETAILS: Record<string, ProfileDetails> = {
  "Stefan Kühn": {
    audience: "members",
    bio: "Ich betreue die Plattform technisch. Wenn etwas nicht funktioniert, schreiben Sie mir gern.",
    contactEmail: "admin@example.org",
  },
  "Katrin Vogel": {
    audience: "open",
    bio: "Ich koordiniere das **Integrationsnetzwerk Burgenlandkreis**: Netzwerktreffen, Arbeitsgruppen und diese Plattform. Sprechen Sie mich an, wenn Sie Partner für ein Projekt suchen.",
    contactEmail: "koordination@example.org",
    phone: "03445 731272",
  },
  "Amal Yousef": {
    audience: "members",
    bio: "Ich berate Erwachsene zu Aufenthalt, Wohnung und Arbeit, auf Arabisch, Deutsch und Englisch.",
    contactEmail: "mitglied@example.org",
  },
  "Sabine Hoffmann": {
    audience: "open",
    bio: "Als Integrationsbeauftragte des Landkreises bin ich Ansprechpartnerin für Kommunen, Vereine und Arbeitgeber. Sprechstunde: **dienstags 9–12 Uhr**.",
    contactEmail: "sabine.hoffmann@example.org",
    phone: "03445 731271",
  },
  "Andreas Lehmann": {
    audience: "members",
    bio: "Ich bearbeite Anträge zur Wohnsitzauflage und zur dezentralen Unterbringung.",
    contactEmail: "andreas.lehmann@example.org",
  },
  "Nour Al-Khatib": {
    audience: "public",
    bio: "Ich begleite Familien in den ersten Monaten nach der Ankunft: zu Ämtern, zur Kita-Anmeldung und zum Kinderarzt.",
    contactEmail: "nour.al-khatib@example.org",
  },
  "Franziska Wolf": {
    audience: "members",
    bio: "Ich bringe Ehrenamtliche und Initiativen zusammen. Wer Zeit für eine **Patenschaft** hat, meldet sich bei mir.",
    contactEmail: "franziska.wolf@example.org",
    phone: "03445 731275",
  },
  "Dmytro Shevchenko": {
    audience: "reserved",
    bio: "Sprachmittlung Ukrainisch und Russisch, vor allem bei Arztbesuchen und Behördenterminen.",
    phone: "0157 31824460",
  },
  "Matthias Schröder": {
    audience: "public",
    bio: "Ich vermittle in Arbeit und Ausbildung, gern auch in Teilzeit neben dem Sprachkurs.",
    contactEmail: "matthias.schroeder@example.org",
  },
  "Yvonne Richter": {
    audience: "members",
    bio: "Fallmanagement für Familien mit mehreren Kindern; ich kenne die Kita- und Schullandschaft in Weißenfels gut.",
  },
  "Hamid Rahimi": {
    audience: "members",
    bio: "Ich berate zur **Anerkennung ausländischer Abschlüsse** und zu Weiterbildungen, auch auf Dari und Farsi.",
    contactEmail: "hamid.rahimi@example.org",
  },
  "Claudia Neumann": {
    audience: "open",
    bio: "Ich leite das Team Markt und Integration. Arbeitgeber, die Geflüchtete einstellen möchten, beraten wir zu Förderung und Arbeitserlaubnis.",
    contactEmail: "claudia.neumann@example.org",
    phone: "03443 281520",
  },
  "Iryna Bondarenko": { audience: "members" },
  "Ahmad Al-Hassan": {
    audience: "open",
    bio: "Migrationsberatung für Erwachsene in Naumburg. Ich helfe bei:\n\n- Anträgen und Behördenpost\n- Wohnungssuche\n- Familiennachzug",
    contactEmail: "ahmad.al-hassan@example.org",
    phone: "03445 261842",
  },
  "Petra Zimmermann": {
    audience: "public",
    bio: "Der Jugendmigrationsdienst begleitet junge Menschen von 12 bis 27 Jahren bei Schule, Ausbildung und Studium.",
    contactEmail: "petra.zimmermann@example.org",
  },
  "Tesfay Gebremedhin": {
    audience: "members",
    bio: "Sozialarbeit in den Gemeinschaftsunterkünften, Schwerpunkt Gesundheit. Ich spreche Tigrinya, Deutsch und Englisch.",
  },
  "Monika Krüger": {
    audience: "private",
    bio: "Flüchtlingssozialarbeit im ländlichen Raum rund um Laucha und Freyburg.",
    phone: "034462 20417",
  },
  "Rania Saleh": {
    audience: "members",
    bio: "Beratung für Frauen, **vertraulich** und auf Wunsch auf Arabisch oder Französisch.",
    contactEmail: "rania.saleh@example.org",
  },
  "Heike Schulz": {
    audience: "open",
    bio: "Ich leite den Fachbereich Deutsch als Zweitsprache. Fragen zu Integrationskursen, Einstufung und Kinderbetreuung während des Kurses beantworte ich gern.",
    contactEmail: "heike.schulz@example.org",
    phone: "03441 217361",
    website: "https://www.example.org/volkshochschule-burgenlandkreis",
  },
  "Olena Kovalenko": {
    audience: "members",
    bio: "Ich unterrichte Integrationskurse auf den Niveaus A1 bis B1.",
  },
  "Markus Braun": {
    audience: "members",
    bio: "Sprachkurse mit Schwerpunkt **Deutsch für den Beruf** (B2, C1).",
    contactEmail: "markus.braun@example.org",
  },
  "Farida Ahmadi": {
    audience: "members",
    bio: "Alphabetisierungskurse für Frauen, mit Kinderbetreuung im Haus.",
  },
  "Thomas Fischer": {
    audience: "members",
    contactEmail: "thomas.fischer@example.org",
    phone: "03443 302210",
  },
  "Mohammad Al-Ali": {
    audience: "open",
    bio: "Ich bin Vorsitzender der Brückenbauer und lebe seit 2015 in Zeitz. Unser Verein hilft Neuangekommenen, sich zurechtzufinden.",
    contactEmail: "mohammad.al-ali@example.org",
    phone: "0176 52093318",
    website: "https://www.example.org/brueckenbauer-zeitz",
  },
  "Yonas Tesfamariam": {
    audience: "members",
    bio: "Kulturmittler für die eritreische Gemeinschaft in Zeitz und Umgebung.",
  },
  "Svitlana Melnyk": {
    audience: "members",
    bio: "Ich begleite ukrainische Eltern bei der Schulanmeldung und bei Elterngesprächen.",
  },
  "Zahra Hosseini": {
    audience: "public",
    bio: "Ich organisiere das **Frauencafé** jeden Mittwoch im Vereinshaus: Austausch, Sprachpraxis und Kinderbetreuung.",
    contactEmail: "zahra.hosseini@example.org",
    website: "https://www.example.org/frauencafe-zeitz",
  },
  "Abdirahman Hassan": {
    audience: "reserved",
    bio: "Ich dolmetsche ehrenamtlich Somali und Arabisch, vor allem bei Arztterminen.",
    phone: "0152 40871163",
  },
  "Jens Hartmann": {
    audience: "members",
    bio: "Fußballtraining für Erwachsene, dienstags und donnerstags ab 18 Uhr. Jeder kann mitspielen.",
  },
  "Kerstin Lange": {
    audience: "public",
    bio: "Ich bin im Verein Ansprechpartnerin für Integration durch Sport und helfe bei Mitgliedsanträgen und Zuschüssen.",
    contactEmail: "kerstin.lange@example.org",
    phone: "03443 302419",
  },
  "Omar Darwish": {
    audience: "members",
    bio: "Trainer der D-Jugend. Kinder ohne Vereinserfahrung sind herzlich willkommen.",
  },
  "Mustafa Yılmaz": { audience: "members" },
  "Sandra Böhm": { audience: "members", contactEmail: "sandra.boehm@example.org" },
  "Frank Müller": {
    audience: "public",
    bio: "Wir suchen laufend Mitarbeitende für Lager und Versand. Ich informiere über **Praktika**, Ausbildung und den Einstieg mit geringen Deutschkenntnissen.",
    contactEmail: "frank.mueller@example.org",
  },
  "Anja Seidel": {
    audience: "members",
    bio: "Ausbildung zur Fachkraft für Lagerlogistik, mit Nachhilfe in Deutsch und Mathematik.",
    contactEmail: "anja.seidel@example.org",
  },
  "Ali Reza Karimi": {
    audience: "reserved",
    bio: "Ich leite die Frühschicht und helfe neuen Kolleginnen und Kollegen beim Einarbeiten.",
  },
  "Natalia Wiśniewska": {
    audience: "members",
    bio: "Personalreferentin, zuständig für Arbeitsverträge und Arbeitserlaubnisse.",
    contactEmail: "natalia.wisniewska@example.org",
  },
  "Kateryna Tkachenko": {
    audience: "public",
    bio: "Ich begleite neue Beschäftigte in den ersten Monaten im Betrieb, von der Wohnung bis zum Sprachkurs.",
    contactEmail: "kateryna.tkachenko@example.org",
    phone: "034444 90318",
  },
  "Birgit Schubert": {
    audience: "open",
    bio: "Ich leite das Mehrgenerationenhaus in Hohenmölsen. Unser Haus steht allen offen:\n\n- Sprachcafé\n- Hausaufgabenhilfe\n- Familienpatenschaften",
    contactEmail: "birgit.schubert@example.org",
    phone: "034441 44721",
    website: "https://www.example.org/mehrgenerationenhaus-hohenmoelsen",
  },
  "Aisha Mahmoud": {
    audience: "members",
    bio: "Als Familienpatin besuche ich Familien zu Hause und helfe bei Kita, Schule und Arztterminen.",
  },
  "Lukas Wagner": {
    audience: "members",
    bio: "Ich koordiniere die Ehrenamtlichen im Haus und plane Ausflüge und Sportangebote.",
    contactEmail: "lukas.wagner@example.org",
  },
  "Mariam Haidari": {
    audience: "members",
    bio: "Im **Sprachcafé** üben wir Deutsch im Alltag, jeden Donnerstag ab 15 Uhr.",
  },
  "Gerhard Pohl": {
    audience: "private",
    bio: "Pensionierter Lehrer; ich helfe Schülerinnen und Schülern bei Mathematik und Deutsch.",
    phone: "034461 23806",
  },
};
