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

// Both integration projects (vitest.config.ts) run this: the first prepares the database, the second
// waits for it; the folder goes when the last is done.
const shared = globalThis as unknown as { __kpTestDb?: { ready: Promise<string>; users: number } };

export default async function setup(project: TestProject): Promise<() => void> {
  shared.__kpTestDb ??= { ready: prepare(), users: 0 };
  const prepared = shared.__kpTestDb;
  prepared.users++;
  const archive = await prepared.ready;
  project.provide("pgliteArchive", archive);
  return () => {
    if (--prepared.users === 0 && archive) rmSync(path.dirname(archive), { recursive: true, force: true });
  };
}

/** Migrates the database; PGlite: returns the file its archive is in ("" on PostgreSQL). */
async function prepare(): Promise<string> {
  if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";
  const { closeDb, getDbHandle } = await import("@/db/client");
  const { runMigrations } = await import("@/db/migrate");
  try {
    const handle = await getDbHandle();
    await runMigrations(handle);
    if (handle.driver !== "pglite") return "";
    const { $client } = handle.db as unknown as { $client: import("@electric-sql/pglite").PGlite };
    const archive = path.join(mkdtempSync(path.join(os.tmpdir(), "knotenpunkt-tests-")), "migrated.tar");
    writeFileSync(archive, Buffer.from(await (await $client.dumpDataDir("none")).arrayBuffer()));
    return archive;
  } finally {
    await closeDb();
  }
}
