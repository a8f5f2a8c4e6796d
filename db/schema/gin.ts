/**
 * Storage for the GIN indexes behind search and filters. With `fastupdate` (PostgreSQL's default) new
 * entries wait in a pending list that every search reads in full until a vacuum merges it, and on a
 * large table autovacuum seldom comes for inserts alone: searches grew slower with each new post or
 * profile (a directory search took 4 ms instead of 1.3 on freshly added members). These tables are
 * read far more often than written, so each write updates the index at once.
 */
export const GIN_READ_MOSTLY = { fastupdate: false } as const;
