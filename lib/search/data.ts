import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { containing } from "@/db/like";
import { categoryText } from "@/lib/forum/category-text";
import { withholdNamesInText } from "@/lib/forum/render";
import { type ForumViewer, inVisibleCategory, postReadable, seenAuthorName } from "@/lib/forum/visibility";
import { withholdInItems } from "@/lib/forum/withheld";
import type { Locale } from "@/lib/i18n/config";
import { germanQuery } from "./query";

export const SEARCH_PAGE_SIZE = 20;

export type SearchHit = {
  postId: number;
  number: number;
  threadId: number;
  threadSlug: string;
  threadTitle: string;
  categoryName: string;
  /** Null for an erased account, or where the author keeps their name to members (then `authorWithheld`). */
  authorName: string | null;
  authorWithheld: boolean;
  createdAt: Date;
  /** ts_headline output: the text escaped, with matches wrapped in <mark>. */
  snippet: string;
};

/**
 * A post's Markdown as the words a reader sees, for the snippet: no quote, heading or list markers,
 * no emphasis or code marks, links as their text ("> **Anna:**" → "Anna:").
 */
const markdownAsText = (body: SQL) =>
  sql`regexp_replace(regexp_replace(regexp_replace(${body},
    ${String.raw`^[ \t]*(>[ \t]?)*(#{1,6}[ \t]+|[-*+][ \t]+|[0-9]+\.[ \t]+)?`}, '', 'gn'),
    ${String.raw`!?\[([^\]]*)\]\([^)]*\)`}, ${String.raw`\1`}, 'g'),
    ${String.raw`[*~\x60]+|\m_+|_+\M`}, '', 'g')`;

/**
 * How many of the newest posts (below the page's cursor) and threads a search reads in order before it
 * asks the GIN index for older ones. A common word fills its page among them; a rare word or a typo,
 * which the planner cannot tell from a common one, is found in the index at once instead of by reading
 * every post (0.5 s with a million posts) and every thread title. A word that reaches the index is
 * in fewer than 21 of the newest 10,000 posts: about 2,000 of a million at most.
 */
export const RECENT_POSTS = 10_000;
export const RECENT_THREADS = 2_000;

/**
 * Rows of `table` whose search column matches, as `page` selects them (a page at most): the newest
 * `recent` rows below `top` read in order (`is true` keeps the index out), then, only when they did not
 * fill the page, the older ones from the GIN index (OFFSET 0 keeps the order out).
 */
function recentFirst(input: {
  table: "forum_posts" | "forum_threads";
  /** The table's alias in `page`'s query. */
  as: "p" | "t";
  recent: number;
  top: SQL;
  q: SQL;
  page: (rows: SQL, match: SQL) => SQL;
}): SQL {
  const table = sql.raw(input.table);
  const as = sql.raw(input.as);
  const start = sql`(${input.top} - ${sql.raw(String(input.recent))})`;
  const recent = input.page(table, sql`${as}.id >= ${start} and (${as}.search @@ ${input.q}) is true`);
  const older = input.page(
    // `id + 0`: not a range of the primary key to intersect with the word's rows, which read nearly
    // every key of a million posts (34 ms) to keep the 4,700 the index had found.
    sql`(select * from ${table} where search @@ ${input.q} and id + 0 < ${start} offset 0)`,
    sql`true`,
  );
  return sql`(with recent as ${recent}
    select * from recent
    union all
    select * from ${older} older where (select count(*) from recent) <= ${SEARCH_PAGE_SIZE})`;
}

/**
 * An author filter that names at most this many people reads each one's posts newest first, by the
 * index on the author, instead of everyone's newest posts: a common word by a member with 96 of a
 * million posts took 433 ms through the newest posts and the word's index, and their posts alone 125 ms.
 * A name that more people share ("an") takes the other way, where their posts are many among the newest.
 */
export const AUTHOR_LOOKUPS = 50;

/** The authors a search names: a few by id, or more as a query of their ids. */
type Authors = { ids: string[] } | { named: SQL };

/**
 * The members whose name, as the viewer sees it, contains `name`; null when nobody's does. Names the
 * viewer may not see are neither shown nor searched: a visitor cannot find out who wrote.
 */
async function authorsNamed(viewer: ForumViewer, name: string): Promise<Authors | null> {
  const pattern = containing(name.toLowerCase());
  // The name itself first: reading every profile to see whose name a viewer may see took 17 ms.
  const named = sql`select users.id from users left join profiles on profiles.user_id = users.id
    where lower(users.name) like ${pattern} and lower(${seenAuthorName(viewer).name}) like ${pattern}`;
  const db = await getDb();
  const ids = rowsOf<{ id: string }>(await db.execute(sql`${named} limit ${AUTHOR_LOOKUPS + 1}`)).map(
    (r) => r.id,
  );
  if (ids.length === 0) return null;
  return ids.length <= AUTHOR_LOOKUPS ? { ids } : { named };
}

/**
 * The page's posts (a row more, to tell whether another page follows), newest first. Each of the two
 * matches, post text and thread title, stops at a page (recentFirst); the order is the primary key.
 */
function pageOfPosts(input: {
  viewer: ForumViewer;
  q: SQL | null;
  authors: Authors | null;
  before?: number;
}) {
  const { viewer, q, authors } = input;
  // Many authors: found once (MATERIALIZED) for every part of the query, and asked as a lookup in
  // their ids, never a join the planner could start from (it cannot estimate a LIKE, and read every
  // post of 2,334 members named "…an…" to find the titles among them: 700 ms).
  const named = authors && "named" in authors ? authors.named : null;
  const withAuthors = named ? sql`with authors as materialized (${named}) ` : sql``;
  const author = named ? sql`and (p.author_id in (select id from authors)) is true` : sql``;
  const before = input.before ? sql`and p.id < ${input.before}` : sql``;
  const matching = (from: SQL, match: SQL, newestFirst = sql`p.id`) => sql`(
    select p.id, p.number, p.thread_id, p.author_id, p.created_at, p.body, p.category_id
    from ${from}
    where ${match}
      and ${inVisibleCategory(viewer, sql`p.category_id`)}
      and ${postReadable(viewer, sql`p.status` as never, sql`p.author_id` as never)}
      and ${postReadable(viewer, sql`t.status` as never, sql`t.author_id` as never)}
      and t.status <> 'deleted'
      ${author} ${before}
    order by ${newestFirst} desc
    limit ${SEARCH_PAGE_SIZE + 1})`;
  // Each post's thread by its key (OFFSET 0 keeps it a lookup per post): a hash join would read every
  // thread first, however few posts the index found.
  const posts = (rows: SQL) => sql`${rows} p cross join lateral
    (select status, author_id, search from forum_threads t where t.id = p.thread_id offset 0) t`;
  if (authors && "ids" in authors) {
    const ids = sql.join(
      authors.ids.map((id) => sql`(${id}::text)`),
      sql`, `,
    );
    const match = q ? sql`(p.search @@ ${q} or (p.number = 1 and t.search @@ ${q}))` : sql`true`;
    return sql`select hit.* from (values ${ids}) author(id)
      cross join lateral ${matching(posts(sql`forum_posts`), sql`p.author_id = author.id and ${match}`)} hit
      order by hit.id desc
      limit ${SEARCH_PAGE_SIZE + 1}`;
  }
  if (!q) return sql`${withAuthors}${matching(posts(sql`forum_posts`), sql`true`)}`;
  // A first post is written with its thread, so newest threads are newest first posts: the title
  // matches in thread order let the page stop after about 20 post lookups, by key (OFFSET 0) as above:
  // a merge join read every post of 4,000 threads named "Wohnung" to find one by a "Müller" (67 ms).
  const firstPostsByTitle = (rows: SQL) => sql`${rows} t cross join lateral
    (select id, number, thread_id, author_id, created_at, body, category_id, status from forum_posts p
      where p.thread_id = t.id and p.number = 1 offset 0) p`;
  return sql`${withAuthors}${recentFirst({
    table: "forum_posts",
    as: "p",
    recent: RECENT_POSTS,
    top: input.before ? sql`${input.before}::int` : sql`(select max(id) + 1 from forum_posts)`,
    q,
    page: (rows, match) => matching(posts(rows), match),
  })}
    union
    ${recentFirst({
      table: "forum_threads",
      as: "t",
      recent: RECENT_THREADS,
      // Below the cursor: the threads older than the newest first post before it.
      top: input.before
        ? sql`(select p.thread_id + 1 from forum_posts p where p.id < ${input.before}::int and p.number = 1
            order by p.id desc limit 1)`
        : sql`(select max(id) + 1 from forum_threads)`,
      q,
      page: (rows, match) => matching(firstPostsByTitle(rows), match, sql`t.id`),
    })}
    order by id desc
    limit ${SEARCH_PAGE_SIZE + 1}`;
}

/**
 * German full-text search over the posts the viewer may read: websearch syntax ("…" for a phrase,
 * -word to exclude), optional author name, newest first; a thread whose title matches is found by its
 * first post. The highlighting runs on the 20 rows of the page only. Without words: every post of the
 * named author. Posts of deleted threads are left out for everyone (the thread is gone).
 */
export async function searchPosts(input: {
  viewer: ForumViewer;
  /** Search words; empty for an author's posts. */
  query: string;
  author?: string;
  before?: number;
  /** The language category names are shown in. */
  locale?: Locale;
}): Promise<{ hits: SearchHit[]; next: number | null }> {
  const authors = input.author ? await authorsNamed(input.viewer, input.author) : null;
  if (input.author && !authors) return { hits: [], next: null };
  const q = germanQuery(input.query);
  const page = pageOfPosts({
    viewer: input.viewer,
    q: input.query ? q : null,
    authors,
    before: input.before,
  });
  const seen = seenAuthorName(input.viewer);
  const db = await getDb();
  const plain = markdownAsText(sql`left(page.body, 5000)`);
  // A visitor's snippets leave out the names of mentioned and quoted people they may not see.
  const visitor = input.viewer === null;
  const rows = rowsOf<{
    id: number;
    number: number;
    thread_id: number;
    slug: string;
    title: string;
    category_name: string;
    author_name: string | null;
    author_withheld: boolean;
    created_at: string | Date;
    snippet: string;
    body?: string;
  }>(
    await db.execute(sql`
      with page as (${page})
      select page.id, page.number, page.thread_id, t.slug, t.title,
        ${categoryText(input.locale ?? "de", "name", { german: sql`c.name`, translations: sql`c.translations` })} as category_name,
        ${seen.name} as author_name, ${seen.withheld} as author_withheld, page.created_at,
        ${
          input.query
            ? sql`ts_headline('german', ${plain}, ${q},
                'StartSel=[[[mark]]], StopSel=[[[/mark]]], MaxWords=35, MinWords=15, MaxFragments=2')`
            : sql`left(${plain}, 240)`
        } as snippet${visitor ? sql`, page.body` : sql``}
      from page
      join forum_threads t on t.id = page.thread_id
      join forum_categories c on c.id = page.category_id
      left join users on users.id = page.author_id
      left join profiles on profiles.user_id = page.author_id
      order by page.id desc`),
  );
  const pageRows = rows.slice(0, SEARCH_PAGE_SIZE);
  const shown = visitor
    ? await withholdInItems(
        pageRows.map((r) => ({ threadId: r.thread_id, source: r.body ?? "", text: r.snippet })),
        input.locale ?? "de",
        input.query || undefined,
      )
    : null;
  const snippets = shown?.texts ?? pageRows.map((r) => r.snippet);
  // A visitor may not find a post by a name they may not see: such hits must match without it.
  const unsure = shown
    ? pageRows.flatMap((r, i) =>
        shown.queried[i]!.length > 0
          ? [{ ...r, body: withholdNamesInText(r.body ?? "", shown.queried[i]!, shown.label) }]
          : [],
      )
    : [];
  const dropped = await notMatching(input.query, unsure);
  const hits = pageRows
    .map((r, i) => ({
      postId: r.id,
      number: r.number,
      threadId: r.thread_id,
      threadSlug: r.slug,
      threadTitle: r.title,
      categoryName: r.category_name,
      authorName: r.author_name,
      authorWithheld: r.author_withheld,
      createdAt: new Date(r.created_at),
      snippet: snippets[i]!,
    }))
    .filter((hit) => !dropped.has(hit.postId));
  // The page ends where its rows did, shown or not.
  return { hits, next: rows.length > SEARCH_PAGE_SIZE ? (pageRows.at(-1)?.id ?? null) : null };
}

/**
 * Of these hits, with names taken out of their text, those that no longer match the query (by their
 * text, or a first post by its thread's title): one query over the page's few rows, none for none.
 */
async function notMatching(
  query: string,
  rows: { id: number; number: number; title: string; body: string }[],
): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const db = await getDb();
  const q = germanQuery(query);
  const values = sql.join(
    rows.map((r) => sql`(${r.id}::int, ${r.number}::int, ${r.title}::text, ${r.body}::text)`),
    sql`, `,
  );
  const kept = rowsOf<{ id: number }>(
    await db.execute(sql`select t.id from (values ${values}) as t(id, number, title, body)
      where to_tsvector('german', t.body) @@ ${q}
        or (t.number = 1 and to_tsvector('german', t.title) @@ ${q})`),
  ).map((r) => Number(r.id));
  return new Set(rows.map((r) => r.id).filter((id) => !kept.includes(id)));
}
