import path from "node:path";
import { sql } from "drizzle-orm";
import { type DbHandle, rowsOf } from "./client";

const migrationsFolder = path.join(process.cwd(), "db/migrations");

/** drizzle-kit cannot load PGlite extensions, so migrations run through drizzle's migrators. */
export async function runMigrations(handle: DbHandle): Promise<void> {
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the concrete driver type
    await migrate(handle.db as any, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the concrete driver type
    await migrate(handle.db as any, { migrationsFolder });
  }
}

export async function countAppliedMigrations(handle: DbHandle): Promise<number> {
  const result = await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}
