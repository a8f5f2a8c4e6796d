import "server-only";
import { createHash } from "node:crypto";
import type { Locale } from "@/lib/i18n/config";
import { getContentVersions } from "./data";
import type { CacheablePage, ContentScope } from "./paths";

export type CachedPage = {
  html: string;
  etag: string;
  scopes: readonly ContentScope[];
  versionKey: string;
  storedAt: number;
};
export type Rendered = { status: number; html: string; location?: string };

/** How often an instance asks the database whether another instance changed content. */
const VERSION_CHECK_MS = 1000;
/** A safety net for what no version covers (settings, a new deployment's texts). */
const MAX_AGE_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 2000;

type State = {
  entries: Map<string, CachedPage>;
  versions: Partial<Record<ContentScope, number>>;
  checkedAt: number;
  checking: Promise<void> | null;
  rendering: Map<string, Promise<CachedPage | Rendered>>;
};

// On globalThis: Next bundles route handlers and server actions separately, and an edit in an action
// must empty the cache the route handler reads.
const holder = globalThis as unknown as { __knotenpunktPageCache?: State };
holder.__knotenpunktPageCache ??= {
  entries: new Map(),
  versions: {},
  checkedAt: 0,
  checking: null,
  rendering: new Map(),
};
const state: State = holder.__knotenpunktPageCache;

export function forgetCachedPages(scope: ContentScope): void {
  for (const [key, entry] of state.entries) if (entry.scopes.includes(scope)) state.entries.delete(key);
  state.checkedAt = 0;
}

/** Test hook: empties the whole cache. */
export function clearPageCache(): void {
  state.entries.clear();
  state.checkedAt = 0;
}

async function currentVersions() {
  if (Date.now() - state.checkedAt >= VERSION_CHECK_MS) {
    state.checking ??= getContentVersions()
      .then((versions) => {
        state.versions = versions;
        state.checkedAt = Date.now();
      })
      .finally(() => {
        state.checking = null;
      });
    await state.checking;
  }
  return state.versions;
}

const versionKeyOf = (scopes: readonly ContentScope[], versions: Partial<Record<ContentScope, number>>) =>
  scopes.map((scope) => `${scope}:${versions[scope] ?? 1}`).join(",");

/**
 * The page from this instance's cache if its content versions are still current, else rendered once
 * (concurrent visitors wait for the same render). Only complete 200 pages are kept.
 */
export async function cachedPage(
  page: CacheablePage,
  locale: Locale,
  render: (path: string, locale: Locale) => Promise<Rendered>,
): Promise<{ page: CachedPage; hit: boolean } | { rendered: Rendered }> {
  const key = `${page.path}|${locale}`;
  const versionKey = versionKeyOf(page.scopes, await currentVersions());
  const entry = state.entries.get(key);
  if (entry && entry.versionKey === versionKey && Date.now() - entry.storedAt < MAX_AGE_MS) {
    return { page: entry, hit: true };
  }
  const renderKey = `${key}|${versionKey}`;
  let pending = state.rendering.get(renderKey);
  if (!pending) {
    pending = render(page.path, locale)
      .then((rendered): CachedPage | Rendered => {
        if (rendered.status !== 200) return rendered;
        const stored: CachedPage = {
          html: rendered.html,
          etag: `"${createHash("sha1").update(rendered.html).digest("base64url")}"`,
          scopes: page.scopes,
          versionKey,
          storedAt: Date.now(),
        };
        if (state.entries.size >= MAX_ENTRIES) state.entries.clear();
        state.entries.set(key, stored);
        return stored;
      })
      .finally(() => state.rendering.delete(renderKey));
    state.rendering.set(renderKey, pending);
  }
  const result = await pending;
  return "etag" in result ? { page: result, hit: false } : { rendered: result };
}
