/**
 * Settings every database connection starts with, on PostgreSQL (postgres.js sends them when it
 * connects) and on PGlite (set once it is open).
 *
 * A name matches a searched word from a word similarity of 0.5 (pg_trgm's default is 0.6): names
 * come to the network in several transliterations, and "Yusef" (Yousef), "Katerina" (Kateryna) and
 * "Tkatschenko" (Tkachenko) score 0.50–0.57 against each other, while "Yusef" and "Josef" score 0.33
 * (tests/integration/directory.test.ts).
 */
export const SESSION_SETTINGS = { "pg_trgm.word_similarity_threshold": "0.5" } as const;

export const sessionSettingsSql = () =>
  Object.entries(SESSION_SETTINGS)
    .map(([name, value]) => `set ${name} = ${value}`)
    .join("; ");
