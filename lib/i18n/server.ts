import "server-only";
import { getLocale } from "next-intl/server";
import { namespaceTranslator } from "./translator";

/**
 * next-intl's `getTranslations` for server components, actions and metadata, in the request's
 * language, from the process-wide translators of ./translator.ts.
 */
export async function getTranslations(namespace?: string) {
  return namespaceTranslator(await getLocale(), namespace);
}
