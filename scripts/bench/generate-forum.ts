/**
 * Forum for the bench: 8 categories, 50,000 threads and about 1,000,000 posts, all set-based SQL.
 * Thread 1 has 10,000 posts (page 500 is its last page); the others about 20 each.
 */
import type { Sql } from "postgres";
import { benchId } from "./generate";

export const BENCH_THREADS = 50_000;
export const BENCH_LONG_THREAD = 1;
export const BENCH_LONG_THREAD_POSTS = 10_000;
export const benchForumCategory = (n: number) => `bench-kategorie-${n}`;

const CATEGORIES = [
  "Arbeit",
  "Sprache",
  "Wohnen",
  "Gesundheit",
  "Kinder & Familie",
  "Ehrenamt",
  "Allgemeines",
  "AK intern",
];
const WORDS = [
  "Wohnung",
  "Wohnungen",
  "Sprachkurs",
  "Integrationskurs",
  "Arbeit",
  "Ausbildung",
  "Kita",
  "Schule",
  "Termin",
  "Beratung",
  "Jobcenter",
  "Ausländerbehörde",
  "Anerkennung",
  "Praktikum",
  "Ehrenamt",
  "Patenschaft",
  "Familie",
  "Gesundheit",
  "Ärztin",
  "Versicherung",
  "Dolmetschen",
  "Sprachcafé",
  "Netzwerk",
  "Treffen",
  "Fortbildung",
  "Zeitz",
  "Naumburg",
  "Weißenfels",
  "Hohenmölsen",
  "Lützen",
  "Antrag",
  "Formular",
  "Unterlagen",
  "Nachbarschaft",
  "Mietvertrag",
  "Kaution",
  "Umzug",
  "Kinder",
  "Eltern",
  "Sprechstunde",
  "Erfahrung",
  "Hilfe",
  "Frage",
  "Antwort",
];

export async function generateForum(
  sql: Sql,
  members: number,
): Promise<{ threads: number; posts: number; ms: number }> {
  const started = performance.now();
  const words = sql.array(WORDS);
  const n = WORDS.length;
  await sql.begin(async (tx) => {
    await tx`set local maintenance_work_mem = '256MB'`;
    await tx`
      insert into working_groups (id, slug, name) values (${benchId("bench-group")}, 'bench-ak', 'AK Bench')`;
    await tx`
      insert into working_group_members (group_id, user_id)
      select ${benchId("bench-group")}, md5('bench-user-' || i)::uuid::text from generate_series(1, ${Math.min(members, 200)}) i`;
    for (const [i, name] of CATEGORIES.entries()) {
      const visibility = i === 7 ? "group" : i % 2 === 0 ? "public" : "members";
      await tx`
        insert into forum_categories (id, slug, name, description, visibility, group_id, position)
        values (${benchId(benchForumCategory(i + 1))}, ${benchForumCategory(i + 1)}, ${name}, ${`Austausch zu ${name}`},
                ${visibility}, ${visibility === "group" ? benchId("bench-group") : null}, ${i})`;
    }
    // The indexes are built once after the rows are in: far quicker than keeping them up to date row by row.
    await tx`drop index forum_posts_search_idx`;
    await tx`drop index forum_posts_author_idx`;
    await tx`
      insert into forum_threads (id, category_id, author_id, title, slug, last_number, reply_count, last_post_at, created_at)
      select i, md5('bench-kategorie-' || (1 + i % 8))::uuid::text, md5('bench-user-' || (1 + i % ${members}))::uuid::text,
             (${words}::text[])[1 + i % ${n}] || ' in ' || (${words}::text[])[1 + (i / 7) % ${n}] || ' – Frage ' || i,
             'frage-' || i,
             c, c - 1,
             now() - ((${BENCH_THREADS} - i) * interval '7 minutes'),
             now() - ((${BENCH_THREADS} - i) * interval '7 minutes') - interval '2 days'
      from (select i, case when i = ${BENCH_LONG_THREAD} then ${BENCH_LONG_THREAD_POSTS} else 19 + (i % 5 <> 0)::int end as c
            from generate_series(1, ${BENCH_THREADS}) i) s`;
    await tx`select setval(pg_get_serial_sequence('forum_threads', 'id'), ${BENCH_THREADS})`;
    await tx`
      insert into forum_posts (thread_id, category_id, number, author_id, body, body_html, created_at)
      select t.id, t.category_id, k, md5('bench-user-' || (1 + (t.id * 31 + k) % ${members}))::uuid::text, b.body,
             '<p>' || b.body || '</p>', t.created_at + k * interval '1 minute'
      from forum_threads t
      cross join lateral generate_series(1, t.last_number) k
      cross join lateral (select 'Hallo, ich habe eine ' || (${words}::text[])[1 + (t.id + k) % ${n}] || ' zum Thema '
          || (${words}::text[])[1 + (t.id * 3 + k * 7) % ${n}] || '. Kennt jemand '
          || (${words}::text[])[1 + (t.id * 5 + k * 11) % ${n}] || ' oder ' || (${words}::text[])[1 + (k * 13) % ${n}]
          || ' in ' || (${words}::text[])[1 + (t.id + k * 17) % ${n}] || '? Vielen Dank für Ihre Hilfe, Beitrag ' || k || '.' as body) b`;
    // The page-cache triggers (db/migrations 0030) wait for the commit, and an index cannot be built on a
    // table with such waiting work: they run now (and raise the forum's version once).
    await tx`set constraints all immediate`;
    await tx`create index forum_posts_search_idx on forum_posts using gin (search)`;
    await tx`create index forum_posts_author_idx on forum_posts (author_id, id)`;
    await tx`
      update forum_categories c set thread_count = s.threads, post_count = s.posts, last_post_at = s.last
      from (select category_id, count(*)::int as threads, sum(last_number)::int as posts, max(last_post_at) as last
            from forum_threads group by category_id) s
      where s.category_id = c.id`;
  });
  await sql`analyze forum_threads`;
  await sql`analyze forum_posts`;
  const [{ posts }] = (await sql`select count(*)::int as posts from forum_posts`) as unknown as [
    { posts: number },
  ];
  return { threads: BENCH_THREADS, posts, ms: Math.round(performance.now() - started) };
}
