import { _createCache, _createIntlFormatters, createTranslator } from "next-intl";
import type { getTranslations } from "next-intl/server";
import { type Locale, TIME_ZONE } from "./config";
import { MESSAGES } from "./messages";

/**
 * Translators shared by every request, e-mail and job: one per language and namespace for the whole
 * process, with one cache of compiled messages and Intl formatters per language. next-intl's own
 * `getTranslations` keeps that cache for one request only, so every request compiled again each
 * message it formatted with values (a plural, a name) and built its Intl objects anew. Compiled
 * messages and formatters hold no request state.
 */
const caches = new Map<
  Locale,
  { _cache: ReturnType<typeof _createCache>; _formatters: ReturnType<typeof _createIntlFormatters> }
>();
const translators = new Map<string, unknown>();

function create(locale: Locale, namespace?: string) {
  let shared = caches.get(locale);
  if (!shared) {
    const _cache = _createCache();
    shared = { _cache, _formatters: _createIntlFormatters(_cache) };
    caches.set(locale, shared);
  }
  // Namespaces are plain strings, as everywhere in this app: global.d.ts leaves message keys untyped.
  return createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: namespace as never,
    timeZone: TIME_ZONE,
    ...shared,
  });
}

function shared<T>(locale: Locale, namespace?: string): T {
  const key = `${locale}|${namespace ?? ""}`;
  let t = translators.get(key);
  if (!t) {
    t = create(locale, namespace);
    translators.set(key, t);
  }
  return t as T;
}

const full = (locale: Locale) => createTranslator({ locale, messages: MESSAGES[locale] });

/** Translations in the given language by full key, e.g. the recipient's for an e-mail. */
export const translatorFor = (locale: Locale) => shared<ReturnType<typeof full>>(locale);

/** The same for one namespace, typed as next-intl's `getTranslations` (lib/i18n/server.ts). */
export const namespaceTranslator = (locale: Locale, namespace?: string) =>
  shared<Awaited<ReturnType<typeof getTranslations>>>(locale, namespace);
