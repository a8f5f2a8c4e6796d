// Runs in every integration test worker before each test file is imported, after
// setup-environment.ts: each file gets the database global-setup.ts prepared, and process state of
// its own (process-state.ts).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { giveFileItsJobsSchema, releaseProcessState } from "./process-state";

await giveFileItsJobsSchema();

beforeAll(async () => {
  // global-setup.ts migrated PostgreSQL, or a PGlite database whose archive each file loads here.
  const archive = inject("pgliteArchive");
  if (archive) {
    const { openMemoryDbFrom } = await import("@/db/client");
    await openMemoryDbFrom(new Blob([readFileSync(archive)]));
  }
});

afterAll(async () => {
  await releaseProcessState();
  const { closeDb } = await import("@/db/client");
  await closeDb();
});
