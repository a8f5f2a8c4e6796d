/**
 * Bench data set, written with set-based SQL (`insert … select … from generate_series`) so that
 * 100k members take seconds. Ids are md5-derived UUIDs: deterministic, yet spread like real ones.
 */
import { randomUUID } from "node:crypto";
import type { Sql } from "postgres";
import { ORGANISATION_TYPES } from "@/db/schema/network";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";

export const PENDING_APPLICATIONS = 200;
export const COORDINATOR_EMAIL = "coordinator@bench.example";
export const MEMBER_EMAIL = "member1@bench.example";

export type GeneratedData = {
  members: number;
  organisations: number;
  pendingApplications: number;
  ms: number;
};

const list = (text: string) => text.trim().split(/\s*,\s*/);

const FIRST_NAMES = list(`
  Anna, Lukas, Fatima, Olena, Mehmet, Sophie, Ahmad, Marie, Jonas, Leyla, Dmytro, Katrin, Yusuf,
  Sabine, Thomas, Amina, Nadia, Felix, Hannah, Omar`);
const LAST_NAMES = list(`
  Müller, Schmidt, Kowalenko, Yılmaz, Haddad, Schneider, Fischer, Rahimi, Weber, Becker, Hoffmann,
  Nguyen, Schulz, Krüger, Al-Hassan, Bondarenko, Wagner, Lehmann`);
const ORG_PREFIXES = list(`
  Jobcenter, Diakonie, Caritas, Verein Miteinander, Integrationshilfe, Volkshochschule,
  Bildungswerk, Kreisverwaltung, Migrantenverein, Werkstatt, Familienzentrum, Sportverein`);
const JOB_FUNCTIONS = list(`
  Migrationsberatung, Sozialarbeit, Sprachkursleitung, Ehrenamtskoordination, Jobcoaching,
  Integrationsbeauftragte, Schulsozialarbeit, Wohnungsvermittlung, Gesundheitslotsin, Verwaltung`);

/** Seven in ten people use German, the rest English, Arabic or Ukrainian. */
const LOCALE_SQL =
  "case when i % 10 < 7 then 'de' when i % 10 = 7 then 'en' when i % 10 = 8 then 'ar' else 'uk' end";

/** Fills an empty, migrated database; everything runs in one transaction on one connection. */
export async function generateData(sql: Sql, members: number): Promise<GeneratedData> {
  const started = performance.now();
  const organisations = Math.max(1, Math.floor(members / 10));
  const otherLanguages = SPOKEN_LANGUAGES.filter((language) => language !== "de");
  const first = sql.array(FIRST_NAMES);
  const last = sql.array(LAST_NAMES);
  const munis = sql.array([...MUNICIPALITIES]);
  const topics = sql.array([...TOPICS]);
  const locale = sql.unsafe(LOCALE_SQL);

  await sql.begin(async (tx) => {
    await tx`select setseed(0.42)`;

    await tx`
      insert into users (id, name, email, email_verified, role, status, locale, approved_at, created_at)
      values (md5('bench-coordinator')::uuid::text, 'Koordination Bench', ${COORDINATOR_EMAIL},
              now() - interval '800 days', 'coordinator', 'approved', 'de',
              now() - interval '800 days', now() - interval '800 days')`;

    await tx`
      insert into organisations (id, slug, name, type, municipality, status, created_at)
      select md5('bench-org-' || j)::uuid::text,
             'bench-org-' || j,
             (${sql.array(ORG_PREFIXES)}::text[])[1 + j % ${ORG_PREFIXES.length}] || ' '
               || (${munis}::text[])[1 + (j / 3) % ${MUNICIPALITIES.length}] || ' ' || j,
             (${sql.array([...ORGANISATION_TYPES])}::text[])[1 + j % ${ORGANISATION_TYPES.length}],
             (${munis}::text[])[1 + (j / 3) % ${MUNICIPALITIES.length}],
             'active',
             now() - interval '1000 days' + random() * interval '990 days'
      from generate_series(1, ${organisations}) as j`;

    // Members: signed up over the last two years, verified minutes later, approved a day later.
    await tx`
      insert into users (id, name, email, email_verified, role, status, locale, approved_at, created_at)
      select md5('bench-user-' || i)::uuid::text,
             (${first}::text[])[1 + i % ${FIRST_NAMES.length}] || ' '
               || (${last}::text[])[1 + (i / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
             'member' || i || '@bench.example',
             c + interval '10 minutes', 'member', 'approved', ${locale}, c + interval '1 day', c
      from (select i, now() - interval '2 days' - random() * interval '730 days' as c
            from generate_series(1, ${members}) as i) as s`;

    // Applicants waiting in the sign-up queue, newest a few minutes ago.
    await tx`
      insert into users (id, name, email, email_verified, role, status, locale, created_at)
      select md5('bench-applicant-' || i)::uuid::text,
             (${first}::text[])[1 + (i + 7) % ${FIRST_NAMES.length}] || ' '
               || (${last}::text[])[1 + (i * 5) % ${LAST_NAMES.length}],
             'applicant' || i || '@bench.example',
             c + interval '5 minutes', 'member', 'pending', ${locale}, c
      from (select i, now() - i * interval '37 minutes' as c
            from generate_series(1, ${PENDING_APPLICATIONS}) as i) as s`;

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

    // One profile each: two distinct topics, German plus (for every third person) one more language.
    await tx`
      insert into profiles (user_id, organisation_id, job_function, municipality, topics, languages, updated_at)
      select u.id,
             case when a.proposed_organisation is null
                  then md5('bench-org-' || (1 + n % ${organisations}))::uuid::text end,
             (${sql.array(JOB_FUNCTIONS)}::text[])[1 + n % ${JOB_FUNCTIONS.length}],
             (${munis}::text[])[1 + (n * 7) % ${MUNICIPALITIES.length}],
             array[(${topics}::text[])[1 + n % ${TOPICS.length}],
                   (${topics}::text[])[1 + (n + 1 + (n / ${TOPICS.length}) % ${TOPICS.length - 1}) % ${TOPICS.length}]],
             case when n % 3 = 0
                  then array['de', (${sql.array(otherLanguages)}::text[])[1 + n % ${otherLanguages.length}]]
                  else array['de'] end,
             u.created_at + interval '1 hour'
      from (select id, created_at, row_number() over (order by created_at, id) as n from users) as u
      left join applications a on a.user_id = u.id`;

    await tx`
      insert into consents (id, user_id, kind, policy_version, accepted_at)
      select md5('bench-consent-' || id)::uuid::text, id, 'privacy_policy', '1', created_at from users`;
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
