// Before anything else: the test workers inherit this, so dates are never tested in UTC only.
process.env.TZ = "Europe/Berlin";

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// Integration test files that mock a module, reset modules or change process.env (which lib/env.ts
// reads once, at import) need modules of their own; the others share their worker's.
const OWN_MODULES = /\bvi\.(?:mock|doMock|resetModules|stubEnv)\(|\bprocess\.env\.\w+ =/;
const integrationFiles = readdirSync(path.join(root, "tests/integration"))
  .filter((name) => name.endsWith(".test.ts"))
  .map((name) => `tests/integration/${name}`);
const needOwnModules = integrationFiles.filter((file) =>
  OWN_MODULES.test(readFileSync(path.join(root, file), "utf8")),
);

const integration = {
  // The database is migrated once before the workers start (global-setup.ts).
  globalSetup: ["tests/support/global-setup.ts"],
  setupFiles: ["tests/support/setup-environment.ts", "tests/support/setup.ts"],
};

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests/support/empty.ts"),
      // Outside a request: the session cookie a test signs in with, and no page cache to revalidate.
      "next/headers": path.join(root, "tests/support/next-headers.ts"),
      "next/cache": path.join(root, "tests/support/next-cache.ts"),
    },
  },
  test: {
    env: { TZ: "Europe/Berlin" },
    // Worker threads, not processes: no new Node.js process to start for a file that needs modules of
    // its own. The PGlite run took 371 s and 448 s of CPU in threads against 506 s and 690 s in
    // forked processes (147 files).
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
          // These share their worker's modules; each file still gets its own database and process state
          // (tests/support/setup.ts). Importing the modules afresh for each file took 90 s of the
          // PGlite run's 370 s (118 files): its CPU went from 6.3 to 4.4 minutes, and the PostgreSQL
          // run's from 3.7 to 1.7 minutes.
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: needOwnModules,
          isolate: false,
          ...integration,
          setupFiles: [...integration.setupFiles, "tests/support/setup-shared-modules.ts"],
        },
      },
      {
        extends: true,
        test: { name: "integration-own-modules", include: needOwnModules, ...integration },
      },
    ],
  },
});
