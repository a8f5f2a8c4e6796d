/**
 * Bench data set, written with set-based SQL (`insert … select … from generate_series`) so that
 * 100k members take seconds. Ids are md5-derived UUIDs: deterministic, yet spread like real ones.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Sql } from "postgres";
import { foldName } from "@/db/folding";
import { ORGANISATION_TYPES } from "@/db/schema/enums";
// The policy version members have accepted, or every member page asks for consent first.
import { PRIVACY_POLICY_VERSION } from "@/db/seed-data/legal";
import { MUNICIPALITIES, type SpokenLanguage, TOPICS, type Topic } from "@/lib/network/constants";

export const PENDING_APPLICATIONS = 200;
export const COORDINATOR_EMAIL = "coordinator@bench.example";
export const MEMBER_EMAIL = "member1@bench.example";

export type GeneratedData = {
  members: number;
  organisations: number;
  pendingApplications: number;
  ms: number;
};

/** The id `md5(key)::uuid::text` gives in SQL, so targets can name generated rows. */
export function benchId(key: string): string {
  const hex = createHash("md5").update(key).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** Member n (1-based) is `member<n>@bench.example`; member 1 is the signed-in bench member. */
export const benchMemberId = (n: number) => benchId(`bench-user-${n}`);
export const benchOrganisationSlug = (n: number) => `bench-org-${n}`;

const list = (text: string) => text.trim().split(/\s*,\s*/);

const FIRST_NAMES = list(`
  Anna, Lukas, Fatima, Olena, Mehmet, Sophie, Ahmad, Marie, Jonas, Leyla, Dmytro, Katrin, Yusuf,
  Sabine, Thomas, Amina, Nadia, Felix, Hannah, Omar, Jürgen, Jörg, Sören, Björn, Käthe, Bärbel, Uwe,
  Maik, Ines, Zoë, Renée, André, José, Çağla, Şükrü, Gülşen, Ümit, Özlem, Ayşe, Hülya, Małgorzata,
  Łukasz, Mariam, Tesfay, Hamid, Zahra, Kateryna, Iryna, Bogdan, Răzvan, Ioana, Thảo, Abdullahi,
  Sahra, Grit, Doreen, Mandy, Ronny, Günter, Frauke`);
/** The first twenty, the most common German surnames, are drawn twice as often as the rest. */
const LAST_NAMES = list(`
  Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch,
  Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hartmann, Lange,
  Werner, Krause, Lehmann, Schulze, Köhler, Herrmann, König, Walter, Fuchs, Peters, Scholz, Möller,
  Weiß, Jung, Hahn, Vogel, Friedrich, Keller, Günther, Berger, Winkler, Lorenz, Baumann, Albrecht,
  Böhm, Krämer, Jäger, Groß, Seidel, Brandt, Heinrich, Pohl, Yılmaz, Kaya, Demir, Şahin, Çelik,
  Öztürk, Al-Hassan, Haddad, Rahimi, Ahmadi, Hosseini, Kowalenko, Bondarenko, Shevchenko, Nowak,
  Wiśniewski, Nguyen, Trần, Popescu, Mohamed, Abdi, Gebremedhin, Haidari, Darwish`);
const LAST_NAME_POOL = [...LAST_NAMES, ...LAST_NAMES.slice(0, 20)];

/** Organisation name prefixes, three for each type in ORGANISATION_TYPES order. */
const ORG_PREFIXES = list(`
  Jobcenter, Stadtverwaltung, Ausländerbehörde, Diakonie, Caritas, AWO Kreisverband, Verein Miteinander,
  Sportverein, Förderverein Integration, Migrantenverein, Kulturverein, Frauenverein Brücke,
  Volkshochschule, Bildungswerk, Sprachschule, Pflegedienst, Logistik GmbH, Handwerksbetrieb,
  Familienzentrum, Mehrgenerationenhaus, Bürgerstiftung`);
/** Each municipality's (main) postcode, in MUNICIPALITIES order. */
const POSTCODES = list(`
  06632, 06647, 06722, 06648, 06729, 06647, 06632, 06632, 06667, 06712, 06679, 06638, 06642, 06712,
  06628, 06636, 06686, 06721, 06618, 06618, 06618, 06642, 06721, 06712, 06618, 06667, 06682, 06667,
  06618, 06722, 06712`);
const STREETS = list(`
  Hauptstraße, Bahnhofstraße, Markt, Lindenstraße, Schulstraße, Am Anger, Gartenstraße, Kirchplatz,
  Friedensstraße, Rosa-Luxemburg-Straße, Weinbergstraße, Am Stadtpark`);
const JOB_FUNCTIONS = list(`
  Migrationsberatung, Sozialarbeiterin, Sprachkursleiter, Ehrenamtskoordinatorin, Jobcoach,
  Integrationsbeauftragte, Schulsozialarbeiter, Wohnungsvermittlung, Gesundheitslotsin, Sachbearbeiter,
  Arbeitsvermittlerin, Fallmanager, Kulturmittlerin, Sprachmittler, Familienpatin, Ausbildungsleiter,
  Personalreferentin, Übungsleiter, Kursleiterin Alphabetisierung, Vorsitzender`);
/** Two words per topic, in TOPICS order, so that a bio talks about its profile's topics. */
const TOPIC_WORDS: Record<Topic, [string, string]> = {
  work: ["Arbeit", "Jobsuche"],
  language: ["Sprachkurs", "Deutschkurse"],
  housing: ["Wohnung", "Wohnungssuche"],
  health: ["Gesundheit", "Arztbesuche"],
  children_family: ["Kita", "Schule"],
  volunteering: ["Ehrenamt", "Patenschaften"],
  education: ["Ausbildung", "Anerkennung"],
  counselling: ["Beratung", "Aufenthaltsrecht"],
  women: ["Frauencafé", "Frauenberatung"],
  culture_sport: ["Sport", "Kulturangebote"],
};
const WORDS = TOPICS.flatMap((topic) => TOPIC_WORDS[topic]);
/** Bio sentences; {a} and {b} are words for the first and second topic, {ort} the municipality. */
const OPENERS = [
  "Meine Themen: {a} und {b}.",
  "Mein Schwerpunkt ist **{a}**, außerdem berate ich zum Thema {b}.",
  "In {ort} bin ich Ansprechperson zum Thema {a}.",
  "Ich helfe weiter beim Thema {a} und vermittle Kontakte zum Thema {b}.",
];
const MIDDLES = [
  "Seit einigen Jahren arbeite ich in {ort} mit Zugewanderten und Geflüchteten.",
  "Termine nach Vereinbarung, gern auch mit Sprachmittlung.",
  "Sprechen Sie mich an, wenn Sie Fragen zum Thema {b} haben.",
];
const CLOSERS = [
  "Ich unterstütze bei:\n\n- {a}\n- {b}\n- Begleitung zu Terminen",
  "**Neu:** offene Sprechstunde.",
];
/** Beside German; Arabic, Ukrainian, English and Russian come up most often. */
// biome-ignore format: a weighted list reads better on two lines
const OTHER_LANGUAGES: SpokenLanguage[] = [
  "ar", "uk", "ru", "en", "ar", "fa", "tr", "uk", "en", "prs",
  "ku", "ti", "so", "ps", "ar", "fr", "pl", "ro", "vi", "ru",
];

/** Seven in ten people use German, the rest English, Arabic or Ukrainian. */
const LOCALE_SQL =
  "case when i % 10 < 7 then 'de' when i % 10 = 7 then 'en' when i % 10 = 8 then 'ar' else 'uk' end";

/** Fills an empty, migrated database; everything runs in one transaction on one connection. */
export async function generateData(sql: Sql, members: number): Promise<GeneratedData> {
  const started = performance.now();
  const organisations = Math.max(1, Math.floor(members / 10));
  const arr = (values: readonly string[]) => sql.array([...values]);
  const first = arr(FIRST_NAMES);
  const firstFolded = arr(FIRST_NAMES.map(foldName));
  const last = arr(LAST_NAME_POOL);
  const lastFolded = arr(LAST_NAME_POOL.map(foldName));
  const munis = arr(MUNICIPALITIES);
  const topics = arr(TOPICS);
  const words = arr(WORDS);
  const others = arr(OTHER_LANGUAGES);
  const locale = sql.unsafe(LOCALE_SQL);
  const [nFirst, nLast, nMunis, nTopics] = [
    FIRST_NAMES.length,
    LAST_NAME_POOL.length,
    MUNICIPALITIES.length,
    TOPICS.length,
  ];

  await sql.begin(async (tx) => {
    await tx`select setseed(0.42)`;

    await tx`
      insert into users (id, name, email, email_verified, role, status, locale, approved_at, created_at)
      values (md5('bench-coordinator')::uuid::text, 'Koordination Bench', ${COORDINATOR_EMAIL},
              now() - interval '800 days', 'coordinator', 'approved', 'de',
              now() - interval '800 days', now() - interval '800 days')`;

    // Three prefixes per type: j picks the type, j / 7 the prefix, (j / 3) the municipality.
    await tx`
      insert into organisations (id, slug, name, type, municipality, status, description, street, postcode,
                                 city, phone, email, website, created_at, updated_at)
      select md5('bench-org-' || j)::uuid::text, 'bench-org-' || j, name, type, muni, 'active',
             '**' || name || '** in ' || muni || '. Wir beraten und begleiten zu den Themen '
               || (${words}::text[])[1 + (j * 3) % ${WORDS.length}]
               || ' und ' || (${words}::text[])[1 + (j * 7 + 1) % ${WORDS.length}]
               || '. Termine nach Vereinbarung, auch mit Sprachmittlung.',
             (${arr(STREETS)}::text[])[1 + j % ${STREETS.length}] || ' ' || (1 + (j * 7) % 120),
             (${arr(POSTCODES)}::text[])[1 + m], muni,
             '0344' || (1 + j % 5) || ' ' || (100000 + (j * 7919) % 900000), 'info' || j || '@bench.example',
             'https://www.example.org/bench-org-' || j, c, c
      from (select j, m, (${munis}::text[])[1 + m] as muni,
                   (${arr(ORGANISATION_TYPES)}::text[])[1 + j % 7] as type,
                   (${arr(ORG_PREFIXES)}::text[])[1 + (j % 7) * 3 + (j / 7) % 3] || ' '
                     || (${munis}::text[])[1 + m] || ' ' || j as name,
                   now() - interval '1000 days' + random() * interval '990 days' as c
            from (select j, (j / 3) % ${nMunis} as m from generate_series(1, ${organisations}) as j) as s) as o`;

    // Names from index arithmetic, folded in JS with the directory's own foldName.
    await tx`
      create temp table bench_people on commit drop as
      select md5(kind || i)::uuid::text as id, kind, i,
             (${first}::text[])[f] || ' ' || (${last}::text[])[l] as name,
             (${firstFolded}::text[])[f] || ' ' || (${lastFolded}::text[])[l] as name_folded
      from (select 'bench-user-' as kind, i, 1 + i % ${nFirst} as f, 1 + (i / ${nFirst} + i * 7) % ${nLast} as l
            from generate_series(1, ${members}) as i
            union all
            select 'bench-applicant-', i, 1 + (i + 7) % ${nFirst}, 1 + (i * 5) % ${nLast}
            from generate_series(1, ${PENDING_APPLICATIONS}) as i) as s`;

    // Members: signed up over the last two years, verified minutes later, approved a day later.
    await tx`
      insert into users (id, name, email, email_verified, role, status, locale, approved_at, created_at)
      select id, name, 'member' || i || '@bench.example',
             c + interval '10 minutes', 'member', 'approved', ${locale}, c + interval '1 day', c
      from (select id, name, i, now() - interval '2 days' - random() * interval '730 days' as c
            from bench_people where kind = 'bench-user-' order by i) as s`;

    // Applicants waiting in the sign-up queue, newest a few minutes ago.
    await tx`
      insert into users (id, name, email, email_verified, role, status, locale, created_at)
      select id, name, 'applicant' || i || '@bench.example',
             c + interval '5 minutes', 'member', 'pending', ${locale}, c
      from (select id, name, i, now() - i * interval '37 minutes' as c
            from bench_people where kind = 'bench-applicant-' order by i) as s`;

    // One application per person: members' were approved by the coordinator, applicants' are pending;
    // every fifth applicant proposes an organisation that does not exist yet.
    await tx`
      insert into applications (id, user_id, source, status, locale, proposed_organisation, reason,
                                decided_by_id, decided_at, created_at)
      select md5('bench-application-' || u.id)::uuid::text, u.id, 'signup',
             case when u.status = 'pending' then 'pending' else 'approved' end,
             u.locale,
             case when u.status = 'pending' and n % 5 = 0 then 'Neue Initiative ' || n end,
             'Ich möchte mich mit anderen Fachkräften in der Region vernetzen.',
             case when u.status = 'approved' then md5('bench-coordinator')::uuid::text end,
             u.approved_at, u.created_at
      from (select id, status, locale, approved_at, created_at,
                   row_number() over (order by created_at, id) as n
            from users where role = 'member') as u`;

    // One profile each. n (sign-up order) picks two distinct topics, the function and the place; h, a
    // hash of the id, picks the rest independently: languages, bio, contact and visibility (3 in 10
    // public, a few with bio or contact hidden). search_text and organisation_names are filled as
    // syncSearchColumns fills them.
    await tx`
      with base as (
        select u.id, u.name, u.created_at, coalesce(b.name_folded, lower(u.name)) as name_folded,
               a.proposed_organisation is null as has_org,
               row_number() over (order by u.created_at, u.id) as n,
               ('x' || left(md5(u.id), 7))::bit(28)::int as h
        from users u
        left join applications a on a.user_id = u.id
        left join bench_people b on b.id = u.id
      ), picked as (
        select base.*,
               n % ${nTopics} as t1,
               (n + 1 + (n / ${nTopics}) % ${nTopics - 1}) % ${nTopics} as t2,
               (${others}::text[])[1 + (h / 10) % ${OTHER_LANGUAGES.length}] as x,
               case when h % 100 < 30 then 0 else 1 end as pub,
               (${munis}::text[])[1 + (n * 7) % ${nMunis}] as muni,
               case when has_org then md5('bench-org-' || (1 + n % ${organisations}))::uuid::text end as org_id,
               (${arr(JOB_FUNCTIONS)}::text[])[1 + n % ${JOB_FUNCTIONS.length}] as job_function
        from base
      ), written as (
        select picked.*,
               case when (h / 100) % 10 <> 9 then
                 replace(replace(replace(concat_ws(' ',
                   (${arr(OPENERS)}::text[])[1 + n % ${OPENERS.length}],
                   case when (h / 100) % 3 <> 0
                        then (${arr(MIDDLES)}::text[])[1 + (h / 1000) % ${MIDDLES.length}] end,
                   case when (h / 100) % 5 = 0
                        then (${arr(CLOSERS)}::text[])[1 + (h / 1000) % ${CLOSERS.length}] end),
                   '{a}', (${words}::text[])[1 + 2 * t1 + n % 2]),
                   '{b}', (${words}::text[])[1 + 2 * t2 + h % 2]),
                   '{ort}', muni)
               end as bio
        from picked
      )
      insert into profiles (user_id, organisation_id, job_function, municipality, topics, languages, bio,
                            phone, contact_email, website, name_folded, search_text, organisation_names,
                            vis_name, vis_photo,
                            vis_job_function, vis_organisation, vis_municipality, vis_topics, vis_languages,
                            vis_bio, vis_contact, updated_at)
      select p.id, p.org_id, p.job_function, p.muni,
             array[(${topics}::text[])[1 + t1], (${topics}::text[])[1 + t2]],
             case when h % 5 < 2 then array['de', x]
                  when h % 5 = 2 then array['de', x, case when x = 'en' then 'fr' else 'en' end]
                  else array['de'] end,
             p.bio,
             case when h % 7 = 0 then '0151 ' || (20000000 + h % 70000000) end,
             case when h % 2 = 0 then 'kontakt.' || left(p.id, 8) || '@bench.example' end,
             case when h % 50 = 0 then 'https://www.example.org/' || left(p.id, 8) end,
             p.name_folded, p.name, coalesce(o.name, ''),
             pub, pub, pub, pub, pub, pub, pub,
             case when h % 40 = 17 then 2 else pub end,
             case when h % 25 = 7 then 2 when h % 10 = 0 then 0 else 1 end,
             p.created_at + interval '1 hour'
      from written p
      left join organisations o on o.id = p.org_id`;

    // Every fifth member also works at a further organisation; its name joins their organisation names.
    await tx`
      with further as (
        select user_id, md5('bench-org-' || (1 + (n * 37) % ${organisations}))::uuid::text as org_id
        from (select user_id, organisation_id, row_number() over (order by user_id) as n from profiles) p
        where n % 5 = 0 and organisation_id is distinct from md5('bench-org-' || (1 + (n * 37) % ${organisations}))::uuid::text
      ), inserted as (
        insert into profile_organisations (user_id, organisation_id, position)
        select user_id, org_id, 0 from further
        returning user_id, organisation_id
      )
      update profiles p set organisation_names = concat_ws(' ', nullif(p.organisation_names, ''), o.name)
      from inserted i join organisations o on o.id = i.organisation_id
      where p.user_id = i.user_id`;

    await tx`
      insert into consents (id, user_id, kind, policy_version, accepted_at)
      select md5('bench-consent-' || id)::uuid::text, id, 'privacy_policy', ${PRIVACY_POLICY_VERSION}, created_at from users`;
  });
  await sql.unsafe("analyze");

  const [pending] = await sql<{ n: number }[]>`
    select count(*)::int as n from applications where status = 'pending'`;
  return {
    members,
    organisations,
    pendingApplications: pending?.n ?? 0,
    ms: Math.round(performance.now() - started),
  };
}

export type BenchSessions = { member: string; coordinator: string };

/** Database sessions as Auth.js stores them; the token is the cookie value. */
export async function createSessions(sql: Sql): Promise<BenchSessions> {
  const member = randomUUID();
  const coordinator = randomUUID();
  await sql`
    insert into sessions (session_token, user_id, expires)
    select token, u.id, now() + interval '1 day'
    from (values (${member}, ${MEMBER_EMAIL}), (${coordinator}, ${COORDINATOR_EMAIL})) as v(token, email)
    join users u on u.email = v.email`;
  return { member, coordinator };
}
