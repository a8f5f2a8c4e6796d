import { type SQL, sql } from "drizzle-orm";

/**
 * A quoted lexeme of four or more characters in a tsquery's text form (a quote inside one is doubled),
 * with what precedes it: the start, a space, "(" or "!". Unanchored, "' <-> '" between two lexemes
 * would count as one.
 */
const LONG_LEXEME = "(^|[ (!])('(?:[^']|''){4,}')";

/**
 * German full-text query in websearch syntax ("…" for a phrase, -word to exclude) whose longer words
 * also match as the start of a longer stem. The German stemmer cuts a singular and its plural apart
 * ("Integrationskurs" → integrationskur, "Integrationskurse" → integrationskurs), and a word is often
 * the start of a compound ("Wohnung" of "Wohnungssuche"). Short stems stay whole: "kur" would find "kurz".
 */
export const germanQuery = (words: string): SQL =>
  sql`regexp_replace(websearch_to_tsquery('german', ${words})::text, ${LONG_LEXEME}, '\\1\\2:*', 'g')::tsquery`;
