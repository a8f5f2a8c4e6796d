// Runs in every test worker before the test file is imported. Environment first: lib/env.ts reads
// process.env once, when it is first imported, so nothing here imports it at the top.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, inject } from "vitest";

if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";
delete process.env.SMTP_URL; // demo mode: mail goes to dev_outbox unless a test sets SMTP_URL
process.env.AUTH_SECRET = "knotenpunkt-test-secret-0123456789";
process.env.APP_URL = "http://localhost:3000";

// vitest.config.ts sets TZ=Europe/Berlin: code that silently assumes UTC must fail here.
if (new Date(2026, 0, 15).getTimezoneOffset() === 0) {
  throw new Error("Tests must run in a time zone other than UTC (see vitest.config.ts).");
}

// Unit tests beside the code in lib/ never touch the database; opening PGlite costs seconds.
const libFolder = `${path.resolve(import.meta.dirname, "../../lib")}${path.sep}`;
const testFile = expect.getState().testPath ?? "";

beforeAll(async () => {
  if (testFile.startsWith(libFolder)) return;
  // global-setup.ts migrated PostgreSQL, or a PGlite database whose archive each file loads here.
  const archive = inject("pgliteArchive");
  if (archive) {
    const { openMemoryDbFrom } = await import("@/db/client");
    await openMemoryDbFrom(new Blob([readFileSync(archive)]));
  }
});

afterAll(async () => {
  const { closeDb } = await import("@/db/client");
  await closeDb();
});
