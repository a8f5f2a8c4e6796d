import { type ContentScope, SETTINGS_SCOPE } from "./paths";

/**
 * The page cache's memory, shared on globalThis: Next bundles route handlers and server actions
 * separately, an edit in an action must empty the cache the route handler reads, and the server in
 * front of Next (scripts/serve.ts) answers hits from it. Pure: no database, no Next.
 */
export type CachedPage = {
  html: string;
  etag: string;
  scopes: readonly ContentScope[];
  versionKey: string;
  storedAt: number;
};

type Versions = Partial<Record<ContentScope, number>>;

export type PageCacheState = {
  entries: Map<string, CachedPage>;
  /** Characters of HTML held in entries. */
  size: number;
  versions: Versions;
  checkedAt: number;
  checking: Promise<void> | null;
  rendering: Map<string, Promise<unknown>>;
};

/** How often an instance asks the database whether another instance changed content. */
export const VERSION_CHECK_MS = 1000;
/** A safety net for what no version covers (a new deployment's texts). */
export const MAX_AGE_MS = 5 * 60 * 1000;

const holder = globalThis as unknown as { __knotenpunktPageCache?: PageCacheState };

export function pageCacheState(): PageCacheState {
  holder.__knotenpunktPageCache ??= {
    entries: new Map(),
    size: 0,
    versions: {},
    checkedAt: 0,
    checking: null,
    rendering: new Map(),
  };
  return holder.__knotenpunktPageCache;
}

export const cacheKey = (path: string, locale: string) => `${path}|${locale}`;

/** Every page's version key counts the settings too: saving them renews every cached page at once. */
export const versionKeyOf = (scopes: readonly ContentScope[], versions: Versions) =>
  [SETTINGS_SCOPE as ContentScope, ...scopes].map((scope) => `${scope}:${versions[scope] ?? 1}`).join(",");

export const isCurrent = (entry: CachedPage, versionKey: string, now: number) =>
  entry.versionKey === versionKey && now - entry.storedAt < MAX_AGE_MS;

/**
 * The stored page if it is certainly current without asking the database: versions checked less
 * than a second ago and unchanged since it was stored. Otherwise null (the route handler checks).
 */
export function freshPage(path: string, scopes: readonly ContentScope[], locale: string): CachedPage | null {
  const state = holder.__knotenpunktPageCache;
  if (!state) return null;
  const now = Date.now();
  if (now - state.checkedAt >= VERSION_CHECK_MS) return null;
  const entry = state.entries.get(cacheKey(path, locale));
  return entry && isCurrent(entry, versionKeyOf(scopes, state.versions), now) ? entry : null;
}
