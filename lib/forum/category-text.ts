import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { CATEGORY_TRANSLATION_LOCALES, forumCategories } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";

type Translated = (typeof CATEGORY_TRANSLATION_LOCALES)[number];
const isTranslated = (locale: string): locale is Translated =>
  CATEGORY_TRANSLATION_LOCALES.includes(locale as Translated);

/**
 * A category's name or description in the reader's language where a coordinator gave one, else the
 * German original. `german` and `translations` default to forum_categories' own columns; raw queries
 * pass their alias's ("c.name", "c.translations").
 */
export function categoryText(
  locale: Locale,
  field: "name" | "description",
  columns: { german?: AnyPgColumn | SQL; translations?: AnyPgColumn | SQL } = {},
): SQL<string> {
  const german = columns.german ?? forumCategories[field];
  if (!isTranslated(locale)) return sql<string>`${german}`;
  const translations = columns.translations ?? forumCategories.translations;
  // Both keys come from fixed lists, so they are written into the query rather than sent as parameters.
  return sql<string>`coalesce(nullif(${translations} -> ${sql.raw(`'${locale}'`)} ->> ${sql.raw(`'${field}'`)}, ''), ${german})`;
}
