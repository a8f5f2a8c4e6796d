import "server-only";
import { loadForumViewer } from "@/lib/forum/loaders";
import { getRequestLocale } from "@/lib/i18n/server";
import { searchPosts } from "./data";
import { SearchQuery } from "./schema";

export async function loadSearch(params: Record<string, string | string[] | undefined>) {
  const single = (v: unknown) => (typeof v === "string" ? v : undefined);
  const query = SearchQuery.parse({
    q: single(params.q),
    author: single(params.author),
    before: single(params.before),
  });
  const viewer = await loadForumViewer();
  // A name alone lists that person's posts.
  if (!query.q && !query.author) return { query, viewer, hits: [], next: null, searched: false };
  const result = await searchPosts({
    viewer,
    query: query.q,
    author: query.author || undefined,
    before: query.before,
    locale: await getRequestLocale(),
  });
  return { query, viewer, ...result, searched: true };
}
