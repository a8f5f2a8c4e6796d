// Before anything else: the test workers inherit this, so dates are never tested in UTC only.
process.env.TZ = "Europe/Berlin";

import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests/support/empty.ts"),
    },
  },
  test: {
    env: { TZ: "Europe/Berlin" },
    // Worker threads, not processes: an integration test file still gets its own modules and
    // database, without a new Node.js process to start each time. The PGlite run took
    // 371 s and 448 s of CPU in threads against 506 s and 690 s in forked processes (147 files).
    pool: "threads",
    // PGlite: every file has its own in-memory database. PostgreSQL: files share one database,
    // so tests create unique rows and never assume empty tables.
    fileParallelism: true,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          // Tests beside the code test pure functions: no database, no environment of their own, no
          // mocks. They share their worker's modules (not isolated) and open no database: the 53
          // files took over 60 s of CPU, each importing its modules and the database client afresh (the
          // two in db/ loading a PGlite archive too), and take 8 s so.
          name: "unit",
          include: ["lib/**/*.test.ts", "db/**/*.test.ts"],
          isolate: false,
          setupFiles: ["tests/support/setup-environment.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // The database is migrated once before the workers start (global-setup.ts).
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup-environment.ts", "tests/support/setup.ts"],
        },
      },
    ],
  },
});
