import "server-only";
import { getLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";
import { namespaceTranslator } from "./translator";

/**
 * next-intl's `getTranslations` for server components, actions and metadata, in the request's
 * language, from the process-wide translators of ./translator.ts.
 */
export async function getTranslations(namespace?: string) {
  return namespaceTranslator(await getLocale(), namespace);
}

/** The request's language, for queries that pick translated text (forum category names). */
export async function getRequestLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
