// PostgreSQL only: migrate the shared database once, before the workers start, so no two test
// files run the migrations at the same time.
export default async function setup(): Promise<void> {
  if (!process.env.DATABASE_URL) return;
  const { closeDb, getDbHandle } = await import("@/db/client");
  const { runMigrations } = await import("@/db/migrate");
  try {
    await runMigrations(await getDbHandle());
  } finally {
    await closeDb();
  }
}
