import { EVENT_FORMATS } from "@/db/schema/enums";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";

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

/**
 * The query parameters a cacheable page may carry, each with the values it takes, in the order of the
 * page's canonical address: each set of values is its own cached page. An empty value (a form's "any"
 * choice) is no parameter; anything else (another name, a repeat, an unknown value) renders dynamically.
 */
type PageParameters = Readonly<Record<string, (value: string) => boolean>>;
const oneOf =
  (values: readonly string[]) =>
  (value: string): boolean =>
    value === "" || values.includes(value);
const PAGE_NUMBER: PageParameters = { page: (value) => /^[1-9]\d{0,5}$/.test(value) };
const EVENT_DATE: PageParameters = { date: (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) };
/** The events list's filters (app/(public)/events/page.tsx), not its further pages (`after`). */
const EVENT_FILTERS: PageParameters = {
  when: oneOf(["past"]),
  topic: oneOf(TOPICS),
  language: oneOf(SPOKEN_LANGUAGES),
  municipality: oneOf(MUNICIPALITIES),
  format: oneOf(EVENT_FORMATS),
};

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

/** What a cacheable path shows, and the parameters it may carry; null for every other path. */
function pageKind(path: string): { scopes: readonly ContentScope[]; parameters?: PageParameters } | null {
  // A public thread or event as a visitor sees it (the page itself refuses what visitors may not see).
  if (slugAt(path, /^\/forum\/t\/\d{1,12}\/([^/]+)$/)) return { scopes: ["forum"], parameters: PAGE_NUMBER };
  if (EVENT.test(path)) return { scopes: EVENT_SCOPES, parameters: EVENT_DATE };
  if (path === "/events") return { scopes: EVENT_SCOPES, parameters: EVENT_FILTERS };
  if (path === "/") return { scopes: [] };
  if (path === "/faq") return { scopes: ["faq"] };
  if (path === "/videos" || slugAt(path, /^\/videos\/([^/]+)$/)) return { scopes: ["videos"] };
  return null;
}

/**
 * A cacheable page by its path and query parameters (`?page=2`, `?date=2026-12-07`, `?language=ar`),
 * at its canonical address: the parameters in the page's order, empty ones left out.
 */
export function cacheablePage(
  path: string | null | undefined,
  parameters: readonly (readonly [string, string])[] = [],
): CacheablePage | null {
  const kind = path ? pageKind(path) : null;
  if (!kind) return null;
  const allowed = kind.parameters ?? {};
  const given = new Map<string, string>();
  for (const [name, value] of parameters) {
    if (given.has(name) || !Object.hasOwn(allowed, name) || !allowed[name]!(value)) return null;
    given.set(name, value);
  }
  const query = new URLSearchParams();
  for (const name of Object.keys(allowed)) {
    const value = given.get(name);
    if (value) query.set(name, value);
  }
  const search = query.toString();
  return { path: search ? `${path}?${search}` : path!, scopes: kind.scopes };
}

/** The page at a cached page's address ("/forum/t/2/frage-2?page=3"). */
export function cacheablePageOf(pathWithQuery: string | null | undefined): CacheablePage | null {
  const [path, query] = (pathWithQuery ?? "").split("?", 2);
  return cacheablePage(path, query === undefined ? [] : [...new URLSearchParams(query)]);
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
  const parameters = [...request.url.searchParams].filter(([name]) => name !== "lang" || !lang);
  const page = cacheablePage(request.url.pathname, parameters);
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
