/**
 * Settings every database connection starts with, on PostgreSQL (postgres.js sends them when it
 * connects) and on PGlite (set once it is open).
 *
 * A name matches a searched word from a word similarity of 0.5 (pg_trgm's default is 0.6): names
 * come to the network in several transliterations, and "Yusef" (Yousef), "Katerina" (Kateryna) and
 * "Tkatschenko" (Tkachenko) score 0.50–0.57 against each other, while "Yusef" and "Josef" score 0.33
 * (tests/integration/directory.test.ts).
 *
 * No JIT compilation. PostgreSQL compiles a query to machine code when the planner's cost estimate
 * passes `jit_above_cost`, however little of the plan then runs. The forum search's fallback to the
 * GIN index (lib/search/data.ts) is estimated dear for a common word and almost never runs, yet a
 * search for "Wohnung" (1M posts) compiled 219 functions in 45–70 ms to run 1 ms of query: 17 req/s
 * and p50 554 ms at ten connections, against 114 req/s and 84 ms without. Nearly every query here reads
 * a page of rows by index, where compiling saves nothing. PGlite has no JIT; the setting is harmless there.
 */
export const SESSION_SETTINGS = { "pg_trgm.word_similarity_threshold": "0.5", jit: "off" } as const;

export const sessionSettingsSql = () =>
  Object.entries(SESSION_SETTINGS)
    .map(([name, value]) => `set ${name} = ${value}`)
    .join("; ");
