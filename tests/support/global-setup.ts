// Runs once, before the test workers start: migrates the database they will use.
// PostgreSQL: the shared test database, so no two test files run the migrations at the same time.
// PGlite: one in-memory database, whose archive every test file then loads into its own (setup.ts):
// creating and migrating an empty PGlite costs about 4 s of CPU, loading the archive about 2 s.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** File holding a `dumpDataDir()` archive of a migrated PGlite database; "" on PostgreSQL. */
    pgliteArchive: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";
  const { closeDb, getDbHandle } = await import("@/db/client");
  const { runMigrations } = await import("@/db/migrate");
  const folder = mkdtempSync(path.join(os.tmpdir(), "knotenpunkt-tests-"));
  try {
    const handle = await getDbHandle();
    await runMigrations(handle);
    if (handle.driver === "pglite") {
      const { $client } = handle.db as unknown as { $client: import("@electric-sql/pglite").PGlite };
      const archive = path.join(folder, "migrated.tar");
      writeFileSync(archive, Buffer.from(await (await $client.dumpDataDir("none")).arrayBuffer()));
      project.provide("pgliteArchive", archive);
    } else {
      project.provide("pgliteArchive", "");
    }
  } finally {
    await closeDb();
  }
  return () => rmSync(folder, { recursive: true, force: true });
}
