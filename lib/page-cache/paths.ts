import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";

/**
 * Public pages served to visitors from the page cache, and the content areas each depends on.
 * Everything here is pure, so proxy.ts can import it.
 */
export type ContentScope =
  | "faq"
  | "videos"
  | "forum"
  | "events"
  | typeof EVENT_TIMES_SCOPE
  | typeof SETTINGS_SCOPE;

/** The network's settings (its name, logo and colours in every header): part of every cached page. */
export const SETTINGS_SCOPE = "settings";
/**
 * Not a stored version but the next moment an event date starts or ends (lib/page-cache/data.ts):
 * "upcoming" moves with the clock, so visitors' event pages are rendered again when it passes.
 */
export const EVENT_TIMES_SCOPE = "event-times";
const EVENT_SCOPES: readonly ContentScope[] = ["events", EVENT_TIMES_SCOPE];

export type CacheablePage = { path: string; scopes: readonly ContentScope[] };

/** The one query parameter a cacheable page may carry, each value its own cached page. */
type PageParameter = { name: string; pattern: RegExp };
const PAGE_NUMBER: PageParameter = { name: "page", pattern: /^[1-9]\d{0,5}$/ };
const EVENT_DATE: PageParameter = { name: "date", pattern: /^\d{4}-\d{2}-\d{2}$/ };

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** Events are addressed by their UUID ("/events/new" and "/events/calendar" are not events). */
const EVENT = /^\/events\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const PAGE_CACHE_ROUTE = "/api/page-cache";
/** An internal render for the cache (and anyone else sending it) takes the ordinary dynamic path. */
export const BYPASS_HEADER = "x-kp-page-cache";
/** The page and language proxy.ts hands to the cache route (a rewritten request keeps its own URL). */
export const PATH_HEADER = "x-kp-page-cache-path";
export const LANG_HEADER = "x-kp-page-cache-lang";
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;

const slugAt = (path: string, pattern: RegExp) => {
  const slug = path.match(pattern)?.[1];
  return slug !== undefined && SLUG.test(slug);
};

/** What a cacheable path shows, and the parameter it may carry; null for every other path. */
function pageKind(path: string): { scopes: readonly ContentScope[]; parameter?: PageParameter } | null {
  // A public thread or event as a visitor sees it (the page itself refuses what visitors may not see).
  if (slugAt(path, /^\/forum\/t\/\d{1,12}\/([^/]+)$/)) return { scopes: ["forum"], parameter: PAGE_NUMBER };
  if (EVENT.test(path)) return { scopes: EVENT_SCOPES, parameter: EVENT_DATE };
  if (path === "/events") return { scopes: EVENT_SCOPES };
  if (path === "/") return { scopes: [] };
  if (path === "/faq") return { scopes: ["faq"] };
  if (path === "/videos" || slugAt(path, /^\/videos\/([^/]+)$/)) return { scopes: ["videos"] };
  return null;
}

/** A cacheable page by its path and, where it takes one, its parameter (`?page=2`, `?date=2026-12-07`). */
export function cacheablePage(
  path: string | null | undefined,
  parameter?: { name: string; value: string } | null,
): CacheablePage | null {
  const kind = path ? pageKind(path) : null;
  if (!kind) return null;
  if (!parameter) return { path: path!, scopes: kind.scopes };
  const allowed = kind.parameter;
  if (allowed?.name !== parameter.name || !allowed.pattern.test(parameter.value)) return null;
  return { path: `${path}?${parameter.name}=${parameter.value}`, scopes: kind.scopes };
}

/** The page in a cached page's path ("/forum/t/2/frage-2?page=3"). */
export function cacheablePageOf(pathWithQuery: string | null | undefined): CacheablePage | null {
  const [path, query] = (pathWithQuery ?? "").split("?", 2);
  if (query === undefined) return cacheablePage(path);
  const [name = "", value = ""] = query.split("=", 2);
  return cacheablePage(path, { name, value });
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
  const others = [...request.url.searchParams].filter(([name]) => name !== "lang" || !lang);
  if (others.length > 1) return null;
  const [parameter] = others.map(([name, value]) => ({ name, value }));
  const page = cacheablePage(request.url.pathname, parameter);
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
