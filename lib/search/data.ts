import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { categoryText } from "@/lib/forum/category-text";
import { type ForumViewer, inVisibleCategory, postReadable, seenAuthorName } from "@/lib/forum/visibility";
import type { Locale } from "@/lib/i18n/config";

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
 * German full-text search over the posts the viewer may read: websearch syntax ("…" for a phrase,
 * -word to exclude), optional author name, newest first. The match uses the GIN index, the order
 * the primary key, and the highlighting runs on the 20 rows of the page only.
 */
export async function searchPosts(input: {
  viewer: ForumViewer;
  query: string;
  author?: string;
  before?: number;
  /** The language category names are shown in. */
  locale?: Locale;
}): Promise<{ hits: SearchHit[]; next: number | null }> {
  const db = await getDb();
  const q = sql`websearch_to_tsquery('german', ${input.query})`;
  // Names the viewer may not see are neither shown nor searched: a visitor cannot find out who wrote.
  const seen = seenAuthorName(input.viewer);
  const author = input.author
    ? sql`and p.author_id in (select users.id from users left join profiles on profiles.user_id = users.id
        where lower(${seen.name}) like ${`%${input.author.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`})`
    : sql``;
  const before = input.before ? sql`and p.id < ${input.before}` : sql``;
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
  }>(
    await db.execute(sql`
      with page as (
        select p.id, p.number, p.thread_id, p.author_id, p.created_at, p.body, p.category_id
        from forum_posts p
        join forum_threads t on t.id = p.thread_id
        where p.search @@ ${q}
          and ${inVisibleCategory(input.viewer, sql`p.category_id`)}
          and ${postReadable(input.viewer, sql`p.status` as never, sql`p.author_id` as never)}
          and ${postReadable(input.viewer, sql`t.status` as never, sql`t.author_id` as never)}
          ${author} ${before}
        order by p.id desc
        limit ${SEARCH_PAGE_SIZE + 1}
      )
      select page.id, page.number, page.thread_id, t.slug, t.title,
        ${categoryText(input.locale ?? "de", "name", { german: sql`c.name`, translations: sql`c.translations` })} as category_name,
        ${seen.name} as author_name, ${seen.withheld} as author_withheld, page.created_at,
        ts_headline('german', left(page.body, 5000), ${q},
          'StartSel=[[[mark]]], StopSel=[[[/mark]]], MaxWords=35, MinWords=15, MaxFragments=2') as snippet
      from page
      join forum_threads t on t.id = page.thread_id
      join forum_categories c on c.id = page.category_id
      left join users on users.id = page.author_id
      left join profiles on profiles.user_id = page.author_id
      order by page.id desc`),
  );
  const hits = rows.slice(0, SEARCH_PAGE_SIZE).map((r) => ({
    postId: r.id,
    number: r.number,
    threadId: r.thread_id,
    threadSlug: r.slug,
    threadTitle: r.title,
    categoryName: r.category_name,
    authorName: r.author_name,
    authorWithheld: r.author_withheld,
    createdAt: new Date(r.created_at),
    snippet: r.snippet,
  }));
  return { hits, next: rows.length > SEARCH_PAGE_SIZE ? (hits.at(-1)?.postId ?? null) : null };
}
