/**
 * Events for the bench: 5,000 events (one in twenty a weekly series of 26 dates) spread over two
 * years around today, and 100,000 answers, all with set-based SQL.
 */
import type { Sql } from "postgres";
import { MUNICIPALITIES, TOPICS } from "@/lib/network/constants";
import { benchId } from "./generate";

export const BENCH_EVENTS = 5_000;
export const BENCH_RSVPS = 100_000;
/** An upcoming public event with answers, for the event page target. */
export const benchEventId = () => benchId(`bench-event-${BENCH_EVENTS / 2 + 7}`);

const TITLES = [
  "Netzwerktreffen",
  "Fortbildung Aufenthaltsrecht",
  "Online-Sprechstunde",
  "Sprachcafé",
  "Workshop Anerkennung",
  "Elternabend mit Sprachmittlung",
  "Fachtag Arbeit",
  "Infoabend Wohnen",
  "Gesundheitslotsen-Treffen",
  "Ehrenamtsstammtisch",
];

export async function generateEvents(
  sql: Sql,
  members: number,
): Promise<{ occurrences: number; ms: number }> {
  const started = performance.now();
  const titles = sql.array(TITLES);
  const topics = sql.array([...TOPICS]);
  const munis = sql.array([...MUNICIPALITIES]);
  await sql.begin(async (tx) => {
    await tx`
      insert into events (id, title, description, topic, languages, format, venue, address, municipality,
                          online_url, online_url_attendees_only, accessibility, organiser_organisation_id,
                          visibility, starts_at, duration_minutes, frequency, until_date, capacity,
                          created_by_id, created_at, updated_at)
      select md5('bench-event-' || i)::uuid::text,
             (${titles}::text[])[1 + i % ${TITLES.length}] || ' ' || i,
             'Wir sprechen über **' || (${topics}::text[])[1 + i % ${TOPICS.length}] || '**. Bitte melden Sie sich an.',
             (${topics}::text[])[1 + i % ${TOPICS.length}],
             case when i % 3 = 0 then array['de', 'ar'] when i % 3 = 1 then array['de'] else array['de', 'uk', 'en'] end,
             case when i % 5 = 0 then 'online' else 'in_person' end,
             case when i % 5 <> 0 then 'Bürgerhaus ' || (i % 40) end,
             case when i % 5 <> 0 then 'Markt ' || (1 + i % 30) || ', 06712 Zeitz' end,
             (${munis}::text[])[1 + i % ${MUNICIPALITIES.length}],
             case when i % 5 = 0 then 'https://meet.example.org/bench-' || i end,
             true, 'Stufenloser Zugang', md5('bench-org-' || (1 + i % ${Math.max(1, Math.floor(members / 10))}))::uuid::text,
             case when i % 4 = 0 then 'members' else 'public' end,
             date_trunc('hour', now() - interval '365 days' + (i * interval '730 days') / ${BENCH_EVENTS}),
             90, case when i % 20 = 0 then 'weekly' else 'none' end,
             case when i % 20 = 0 then (now() + interval '800 days')::date end,
             case when i % 2 = 0 then 20 + i % 40 end,
             md5('bench-coordinator')::uuid::text, now() - interval '400 days', now() - interval '1 day'
      from generate_series(1, ${BENCH_EVENTS}) as i`;

    // Series dates in Berlin wall-clock time, so 10:00 stays 10:00 across daylight saving.
    await tx`
      insert into event_occurrences (id, event_id, slot_date, original_starts_at, starts_at, ends_at, status)
      select md5(e.id || '-' || k)::uuid::text, e.id, d.slot,
             (d.slot + (e.starts_at at time zone 'Europe/Berlin')::time) at time zone 'Europe/Berlin',
             (d.slot + (e.starts_at at time zone 'Europe/Berlin')::time) at time zone 'Europe/Berlin',
             (d.slot + (e.starts_at at time zone 'Europe/Berlin')::time) at time zone 'Europe/Berlin'
               + e.duration_minutes * interval '1 minute',
             case when k = 3 then 'cancelled' else 'scheduled' end
      from events e
      cross join lateral generate_series(0, case when e.frequency = 'weekly' then 25 else 0 end) as k
      cross join lateral (select (e.starts_at at time zone 'Europe/Berlin')::date + 7 * k as slot) as d
      where e.created_by_id = md5('bench-coordinator')::uuid::text`;

    // 1–17 answers per date from distinct members, cut at BENCH_RSVPS; 8 in 10 yes, the rest maybe or no.
    await tx`
      insert into event_rsvps (occurrence_id, user_id, response, created_at, updated_at)
      select o.id, md5('bench-user-' || (1 + (o.rn * 131 + k * 17) % ${members}))::uuid::text,
             case when k % 10 < 8 then 'yes' when k % 10 = 8 then 'maybe' else 'no' end,
             now() - k * interval '1 hour', now() - k * interval '1 hour'
      from (select id, row_number() over (order by id) as rn from event_occurrences) as o
      cross join lateral generate_series(0, (o.rn * 7) % 17) as k
      limit ${BENCH_RSVPS}
      on conflict do nothing`;
  });
  await sql.unsafe("analyze events, event_occurrences, event_rsvps");
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from event_occurrences`;
  return { occurrences: row?.n ?? 0, ms: Math.round(performance.now() - started) };
}
