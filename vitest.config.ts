// Before anything else: the forked test workers inherit this, so dates are never tested in UTC only.
process.env.TZ = "Europe/Berlin";

import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const onPostgres = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests/support/empty.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "tests/integration/**/*.test.ts"],
    env: { TZ: "Europe/Berlin" },
    pool: "forks",
    // PGlite: every file has its own in-memory database. PostgreSQL: files share one database,
    // so tests create unique rows and never assume empty tables.
    fileParallelism: true,
    // PostgreSQL is migrated once before the workers start; PGlite migrates per file (setup.ts).
    globalSetup: onPostgres ? ["tests/support/global-setup.ts"] : [],
    setupFiles: ["tests/support/setup.ts"],
    testTimeout: 30_000,
    // A PGlite file's first hook migrates its own database: under CI, beside the other database's e2e
    // run, that once took longer than 30 s.
    hookTimeout: onPostgres ? 30_000 : 120_000,
  },
});
