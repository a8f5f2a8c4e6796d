import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";

/**
 * Public pages served to visitors from the page cache, and the content areas each depends on.
 * Everything here is pure, so proxy.ts can import it.
 */
export type ContentScope = "faq" | "videos" | "forum" | typeof SETTINGS_SCOPE;

/** The network's settings (its name, logo and colours in every header): part of every cached page. */
export const SETTINGS_SCOPE = "settings";

export type CacheablePage = { path: string; scopes: readonly ContentScope[] };

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
export const PAGE_CACHE_ROUTE = "/api/page-cache";
/** An internal render for the cache (and anyone else sending it) takes the ordinary dynamic path. */
export const BYPASS_HEADER = "x-kp-page-cache";
/** The page and language proxy.ts hands to the cache route (a rewritten request keeps its own URL). */
export const PATH_HEADER = "x-kp-page-cache-path";
export const LANG_HEADER = "x-kp-page-cache-lang";
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;

/** A cacheable page by its path, with its page number when it has pages (`?page=2`). */
export function cacheablePage(
  path: string | null | undefined,
  pageNumber?: string | null,
): CacheablePage | null {
  // A public thread as a visitor reads it (the page itself refuses threads visitors may not see).
  const thread = path?.match(/^\/forum\/t\/\d{1,12}\/([^/]+)$/)?.[1];
  const isThread = thread !== undefined && SLUG.test(thread);
  if (pageNumber != null) {
    if (!isThread || !/^[1-9]\d{0,5}$/.test(pageNumber)) return null;
    return { path: `${path}?page=${pageNumber}`, scopes: ["forum"] };
  }
  if (isThread) return { path: path!, scopes: ["forum"] };
  if (path === "/") return { path, scopes: [] };
  if (path === "/faq") return { path, scopes: ["faq"] };
  if (path === "/videos") return { path, scopes: ["videos"] };
  const video = path?.match(/^\/videos\/([^/]+)$/);
  if (video?.[1] && SLUG.test(video[1])) return { path: path!, scopes: ["videos"] };
  return null;
}

/** The path and page number in a cached page's path ("/forum/t/2/frage-2?page=3"). */
export function cacheablePageOf(pathWithPage: string | null | undefined): CacheablePage | null {
  const [path, query] = (pathWithPage ?? "").split("?", 2);
  const pageNumber = query?.startsWith("page=") ? query.slice(5) : query === undefined ? null : "";
  return cacheablePage(path, pageNumber);
}

/** `?lang=ar` shows a page in that language without a cookie: the target of hreflang alternates. */
export function forcedLocale(search: URLSearchParams): Locale | null {
  const lang = search.get("lang");
  return isLocale(lang) ? lang : null;
}

/**
 * The cached page this request asks for, and the language forced by `?lang=`, or null when it must
 * be rendered for this person: signed in, a search or other parameter, a form post, the cache's own render.
 */
export function pageCacheRequest(request: {
  method: string;
  url: URL;
  header: (name: string) => string | null | undefined;
}): { page: CacheablePage; lang: Locale | null } | null {
  if (request.method !== "GET") return null;
  if (request.header(BYPASS_HEADER)) return null;
  if (SESSION_COOKIE.test(request.header("cookie") ?? "")) return null;
  const lang = forcedLocale(request.url.searchParams);
  const others = [...request.url.searchParams.keys()].filter((key) => key !== "lang" || !lang);
  if (others.length > 1 || (others.length === 1 && others[0] !== "page")) return null;
  const page = cacheablePage(
    request.url.pathname,
    others.length ? request.url.searchParams.get("page") : null,
  );
  if (!page) return null;
  return { page, lang };
}

/** Where proxy.ts takes a request for the page cache: the cache route, with the page and language. */
export function pageCacheTarget(request: {
  method: string;
  url: URL;
  headers: Headers;
}): { route: string; headers: Headers } | null {
  const target = pageCacheRequest({ ...request, header: (name) => request.headers.get(name) });
  if (!target) return null;
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, target.page.path);
  if (target.lang) headers.set(LANG_HEADER, target.lang);
  else headers.delete(LANG_HEADER);
  return { route: PAGE_CACHE_ROUTE, headers };
}

/** The Cookie header with the language replaced, for `?lang=` on a dynamically rendered page. */
export function cookieWithLocale(cookie: string | null, locale: Locale): string {
  const others = (cookie ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith(`${LOCALE_COOKIE}=`));
  return [...others, `${LOCALE_COOKIE}=${locale}`].join("; ");
}
