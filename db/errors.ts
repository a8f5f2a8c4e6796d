/**
 * Whether a write broke a unique constraint (PostgreSQL's 23505), as postgres.js and PGlite report it
 * or as drizzle wraps it (the driver's error as `cause`).
 */
export const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === "23505" || e?.cause?.code === "23505";
};
