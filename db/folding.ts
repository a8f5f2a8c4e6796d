/** How names are folded for search and order: "Müller" and "Muller" alike, in JavaScript and in SQL. */
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** Letters without a decomposition that names from Turkey, Poland and former Yugoslavia carry. */
const PLAIN: Record<string, string> = { ı: "i", ł: "l", đ: "d", ø: "o" };
const PLAIN_FROM = Object.keys(PLAIN).join("");
const PLAIN_TO = Object.values(PLAIN).join("");
const PLAIN_LETTER = new RegExp(`[${PLAIN_FROM}]`, "g");
/** The accents NFKD splits off. */
const COMBINING_MARKS = "[\u0300-\u036f]";
const COMBINING_MARK = new RegExp(COMBINING_MARKS, "g");

/**
 * "Müller-Lüdenscheidt" → "muller-ludenscheidt", "Łukasz Đurić" → "lukasz duric", so a search for
 * "Muller" finds "Müller". Lower case first: "Ł" and "Đ" only fold as "ł" and "đ".
 * Stored in profiles.name_folded and organisations.name_folded: a change here needs a migration (as
 * 0028) to refold them.
 */
export function foldName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(COMBINING_MARK, "")
    .replace(PLAIN_LETTER, (c) => PLAIN[c]!)
    .trim();
}

/**
 * foldName in SQL, for text stored as written. Its constants are written into the statement, not
 * bound, so that a generated column (organisations.name_folded) can be defined by it.
 */
export const foldedInSql = (text: SQL | AnyPgColumn): SQL =>
  sql`translate(regexp_replace(normalize(replace(lower(${text}), 'ß', 'ss'), nfkd), '${sql.raw(COMBINING_MARKS)}', '', 'g'), '${sql.raw(PLAIN_FROM)}', '${sql.raw(PLAIN_TO)}')`;
