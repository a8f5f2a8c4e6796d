import "server-only";
import { createHash } from "node:crypto";
import type { Locale } from "@/lib/i18n/config";
import { getContentVersions } from "./data";
import { type CacheablePage, type ContentScope, SETTINGS_SCOPE } from "./paths";
import {
  type CachedPage,
  cacheKey,
  isCurrent,
  pageCacheState,
  VERSION_CHECK_MS,
  versionKeyOf,
} from "./state";

export type Rendered = { status: number; html: string; location?: string };

/** 16 million characters of HTML (16–32 MB, plus the fast path's encoded copies): the oldest pages go first. */
const MAX_SIZE = 16 * 1024 * 1024;
const state = pageCacheState();

function remove(key: string) {
  const entry = state.entries.get(key);
  if (!entry) return;
  state.entries.delete(key);
  state.size -= entry.html.length;
}

function keep(key: string, entry: CachedPage) {
  remove(key);
  state.entries.set(key, entry);
  state.size += entry.html.length;
  for (const oldest of state.entries.keys()) {
    if (state.size <= MAX_SIZE || oldest === key) break;
    remove(oldest);
  }
}

export function forgetCachedPages(scope: ContentScope): void {
  for (const [key, entry] of state.entries)
    if (scope === SETTINGS_SCOPE || entry.scopes.includes(scope)) remove(key);
  state.checkedAt = 0;
}

/** Test hook: empties the whole cache. */
export function clearPageCache(): void {
  state.entries.clear();
  state.size = 0;
  state.checkedAt = 0;
}

async function currentVersions() {
  if (Date.now() - state.checkedAt >= VERSION_CHECK_MS) {
    // Counted from when the question was asked: the answer may be that old.
    const asked = Date.now();
    state.checking ??= getContentVersions()
      .then((versions) => {
        state.versions = versions;
        state.checkedAt = asked;
      })
      .finally(() => {
        state.checking = null;
      });
    await state.checking;
  }
  return state.versions;
}

/**
 * The page from this instance's cache if its content versions are still current, else rendered once
 * (concurrent visitors wait for the same render). Only complete 200 pages are kept.
 */
export async function cachedPage(
  page: CacheablePage,
  locale: Locale,
  render: (path: string, locale: Locale) => Promise<Rendered>,
): Promise<{ page: CachedPage; hit: boolean } | { rendered: Rendered }> {
  const key = cacheKey(page.path, locale);
  const versionKey = versionKeyOf(page.scopes, await currentVersions());
  const entry = state.entries.get(key);
  if (entry && isCurrent(entry, versionKey, Date.now())) {
    return { page: entry, hit: true };
  }
  const renderKey = `${key}|${versionKey}`;
  let pending = state.rendering.get(renderKey) as Promise<CachedPage | Rendered> | undefined;
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
        keep(key, stored);
        return stored;
      })
      .finally(() => state.rendering.delete(renderKey));
    state.rendering.set(renderKey, pending);
  }
  const result = await pending;
  return "etag" in result ? { page: result, hit: false } : { rendered: result };
}
