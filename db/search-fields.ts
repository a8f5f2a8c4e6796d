/**
 * How the profile's search columns are derived; every write that changes a name or an organisation
 * recomputes them with syncSearchColumns (and migration 0020 did the same in SQL). Function, bio,
 * topics, languages and visibility need nothing here: the generated `search` column reads them itself.
 */
import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "./client";
import { foldedInSql, foldName } from "./folding";
import { containing } from "./like";
import { organisations, profileOrganisations, profiles, users } from "./schema";

/**
 * Names in the order a German reader looks them up (DIN 5007-1: "Ärztehaus" among the A, "awo" beside
 * "AWO"), which the database's byte order (C collation) does not give: ascending by the folded text.
 */
export const alphabetical = (text: SQL | AnyPgColumn): SQL => asc(foldedInSql(text));

/** "а:a б:b" → { а: "a", б: "b" } */
const letters = (pairs: string): Record<string, string> =>
  Object.fromEntries(pairs.split(" ").map((pair) => [pair[0]!, pair.slice(2)]));

/**
 * Ukrainian letters in Latin, as Ukraine's official romanisation (2010) writes them, lowercase; the
 * apostrophe, however typed (phones write ’), is left out.
 */
const UKRAINIAN = letters(
  "а:a б:b в:v г:h ґ:g д:d е:e є:ie ж:zh з:z и:y і:i ї:i й:i к:k л:l м:m н:n о:o п:p р:r с:s т:t " +
    "у:u ф:f х:kh ц:ts ч:ch ш:sh щ:shch ь: ю:iu я:ia ': ʼ: ’: ы:y э:e ё:e ъ:",
);
/** At the start of a word the romanisation writes these with a y. */
const UKRAINIAN_INITIAL = letters("є:ye ї:yi й:y ю:yu я:ya");
/** Russian spells the same letters differently ("Георгий" → "georgii", not "heorhyi"). */
const RUSSIAN = letters("г:g и:i й:i");

/**
 * A word typed in Cyrillic, in Latin letters as a name in the directory is usually written: the
 * Ukrainian and the Russian way ("Шевченко" → "shevchenko", "Георгій" → "heorhii" and "georgii"). Names
 * reach the network in Latin letters from passports; the typo tolerance covers the rest. Nothing for
 * a word without Cyrillic.
 */
export function latinSpellings(word: string): string[] {
  const lower = word.toLowerCase();
  if (!/[\u0400-\u04ff]/.test(lower)) return [];
  const spell = (extra: Record<string, string>) =>
    [...lower]
      .map((c, i) =>
        i === 0 && UKRAINIAN_INITIAL[c] && !extra[c] ? UKRAINIAN_INITIAL[c] : (extra[c] ?? UKRAINIAN[c] ?? c),
      )
      .join("");
  return [...new Set([spell({}), spell(RUSSIAN)])];
}

/**
 * Typo- and umlaut-tolerant match on folded text: every word of the query must be similar to a word of
 * it (`<%`: pg_trgm word similarity from 0.5, db/session-settings.ts) or be contained in it. Word by
 * word, because a whole-text `%` lets "Jördis Mueller" find "Jördis Schröder". "Mueller" is also
 * tried as "muller", the way foldName spells "Müller", and a word in Cyrillic in Latin letters.
 * A query of only one- or two-letter words ("Jo") finds the words starting so (`<%` does): inside
 * words they are in a quarter of all names, and the trigram index cannot look up text that short.
 */
export function foldedWordsMatch(q: string, folded: SQL | AnyPgColumn): SQL | undefined {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 6);
  if (!words.length) return undefined;
  const inside = words.some((typed) => foldName(typed).length >= 3);
  const wordMatches = (typed: string) => {
    const word = foldName(typed);
    const variants = new Set([
      word,
      word.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u"),
      ...latinSpellings(typed),
    ]);
    return or(
      ...[...variants].map((v) =>
        inside ? sql`(${v} <% ${folded} or ${folded} ilike ${containing(v)})` : sql`${v} <% ${folded}`,
      ),
    );
  };
  return and(...words.map(wordMatches));
}

/**
 * Brings the search columns of these members' profiles up to date with their name and the names of
 * all their organisations (the main one first); writes only rows that changed.
 */
export async function syncSearchColumns(tx: Executor, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const further = tx
    .select({
      userId: profileOrganisations.userId,
      names: sql<string[]>`array_agg(${organisations.name} order by ${profileOrganisations.position})`.as(
        "names",
      ),
    })
    .from(profileOrganisations)
    .innerJoin(organisations, eq(organisations.id, profileOrganisations.organisationId))
    .where(inArray(profileOrganisations.userId, userIds))
    .groupBy(profileOrganisations.userId)
    .as("further");
  const rows = await tx
    .select({
      userId: profiles.userId,
      name: users.name,
      main: organisations.name,
      further: further.names,
      nameFolded: profiles.nameFolded,
      searchText: profiles.searchText,
      organisationNames: profiles.organisationNames,
    })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .leftJoin(further, eq(further.userId, profiles.userId))
    .where(inArray(profiles.userId, userIds))
    .orderBy(asc(profiles.userId));
  for (const row of rows) {
    const fields = {
      nameFolded: foldName(row.name ?? ""),
      searchText: row.name ?? "",
      organisationNames: [row.main, ...(row.further ?? [])].filter(Boolean).join(" "),
    };
    if (
      fields.nameFolded === row.nameFolded &&
      fields.searchText === row.searchText &&
      fields.organisationNames === row.organisationNames
    )
      continue;
    await tx.update(profiles).set(fields).where(eq(profiles.userId, row.userId));
  }
}
