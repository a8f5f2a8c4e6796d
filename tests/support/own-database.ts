// A test file whose checks count rows across the whole database (say, "the only admin") needs a
// database no other file writes to. PGlite already gives each file its own (setup.ts); on PostgreSQL,
// where the files share DATABASE_URL's, this file gets a fresh, migrated one beside it for its run.
import { afterAll, beforeAll } from "vitest";
import { closeDb, openPostgresDbAt } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { createDatabase, dropDatabase } from "../e2e/support/database";

export function ownDatabaseForThisFile(): void {
  const shared = process.env.DATABASE_URL;
  if (!shared) return;
  const url = new URL(shared);
  url.pathname = `${url.pathname}_own_${process.pid}_${Date.now()}`;
  const own = url.toString();
  beforeAll(async () => {
    await closeDb();
    await createDatabase(own);
    await runMigrations(await openPostgresDbAt(own));
  }, 60_000);
  afterAll(async () => {
    await closeDb();
    await dropDatabase(own);
  });
}
