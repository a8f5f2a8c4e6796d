/** Where sign-in leads when no (acceptable) page was asked for. */
export const DEFAULT_LANDING = "/home";

/** Request header with the path and query of the page asked for, set by proxy.ts on every page. */
export const REQUEST_PATH_HEADER = "x-knotenpunkt-path";

export const MAX_NEXT_LENGTH = 1000;

// Pages that sign-in reaches anyway, and signing up or in itself: the login link stays plain for them.
const LANDINGS = new Set(["/", DEFAULT_LANDING, "/application", "/signup"]);
const PROBE_ORIGIN = "http://next.invalid";

const isLanding = (path: string) => {
  const { pathname } = new URL(path, PROBE_ORIGIN);
  return LANDINGS.has(pathname) || pathname === "/login" || pathname.startsWith("/login/");
};

const hasControlCharacter = (value: string) =>
  [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

const isRelativePath = (value: string) => value === "/" || /^\/[^/\\]/.test(value);

/**
 * The page to return to after sign-in: a path on this site (`/` followed by neither `/` nor `\`),
 * canonicalised; anything else (other hosts, schemes, control characters, over-long) is null.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > MAX_NEXT_LENGTH) return null;
  if (!isRelativePath(value) || hasControlCharacter(value)) return null;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  // Parsing resolves dot segments and backslashes; the result must still be a plain path.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return isRelativePath(path) && path.length <= MAX_NEXT_LENGTH ? path : null;
}

/** The login page, carrying the page asked for unless that is unsafe or where sign-in leads anyway. */
export function loginHref(path: unknown): string {
  const next = safeNextPath(path);
  return next && !isLanding(next) ? `/login?${new URLSearchParams({ next })}` : "/login";
}
