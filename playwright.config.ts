import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { e2eDatabaseUrl } from "./tests/e2e/support/database";
import { appPort, smtpCapturePort } from "./tests/e2e/support/ports";

const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const PORT = appPort();
const SMTP_PORT = smtpCapturePort();
const BASE_URL = `http://localhost:${PORT}`;

// A fresh PGlite folder per run (workers inherit the runner's environment, so they agree on it).
process.env.E2E_PGLITE_DIR ??= `.data/e2e-${Date.now()}`;
removeOldRunFolders();

// On PostgreSQL, a fresh database beside DATABASE_URL's (tests/e2e/support/database.ts).
if (process.env.DATABASE_URL)
  process.env.E2E_DATABASE_URL ??= e2eDatabaseUrl(process.env.DATABASE_URL, String(Date.now()));
const database: Record<string, string> = process.env.E2E_DATABASE_URL
  ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
  : { PGLITE_DIR: process.env.E2E_PGLITE_DIR };

export default defineConfig({
  testDir: "tests/e2e",
  // Each run wipes its output folder first: runs on other ports keep theirs apart.
  outputDir: `test-results/port-${PORT}`,
  fullyParallel: false,
  // One server and one database for all specs: they use unique e-mail addresses, not isolation, so
  // two spec files run side by side (a third made every test half as slow again: the two cores are
  // the limit, mostly Chromium's work). The coordinator signs in once, before them (coordinator.setup.ts).
  // A test that changes what other tests see (the network's name, logo and colours in every header;
  // thousands of imported contacts in the audience of every campaign) is tagged @network-wide and runs once the others
  // have finished, one at a time.
  workers: 2,
  projects: [
    { name: "coordinator", testMatch: /coordinator\.setup\.ts$/ },
    { name: "shared", grepInvert: /@network-wide/, dependencies: ["coordinator"] },
    { name: "network-wide", grep: /@network-wide/, dependencies: ["shared"], workers: 1 },
  ],
  // On CI one more try, which Playwright reports as "flaky" in the log: a click while React takes a
  // page over can be lost on a loaded two-core machine. A test that fails twice still fails CI.
  retries: process.env.CI ? 1 : 0,
  // The longest journeys (three people, a dozen steps, several axe runs) take 40 s on a quiet machine.
  // In CI, beside the other database's run on two cores, two of them passed 120 s while every
  // expectation still held.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    // Recording traces cost a quarter of all CPU of the forum and events specs (145 s → 111 s), half of
    // it for screenshots. Locally a failed test keeps a trace without them; CI, where nobody opens one,
    // records none.
    trace: process.env.CI ? "off" : { mode: "retain-on-failure", screenshots: false },
    launchOptions: {
      // Debian's Chromium, never Playwright's downloads: its headless shell where installed (package
      // chromium-headless-shell, what Playwright itself runs headless), else the full browser. Same
      // engine; the forum and events specs took 40 s of CPU with the shell against 72 s.
      executablePath: existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Pages live seconds here: optimising their JavaScript costs more than it saves. The forum,
        // events and messages specs: renderers' CPU 159 s → 134 s, the run 207 s → 187 s.
        "--js-flags=--no-opt --no-maglev",
      ],
    },
  },
  webServer: [
    ...(process.env.E2E_DATABASE_URL
      ? [
          {
            name: "db",
            command: `npx tsx tests/e2e/support/database-server.ts ${SMTP_PORT + 2}`,
            url: `http://127.0.0.1:${SMTP_PORT + 2}/`,
            reuseExistingServer: false,
            timeout: 30_000,
            gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
          },
        ]
      : []),
    {
      name: "smtp",
      command: "npx tsx tests/e2e/support/smtp-capture-server.ts",
      url: `http://127.0.0.1:${SMTP_PORT + 1}/messages`,
      reuseExistingServer: false,
      timeout: 30_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 2_000 },
    },
    {
      name: "app",
      // Builds only when <NEXT_DIST_DIR or .next>/BUILD_ID is missing, then migrates, seeds the demo network and runs `next start`.
      command: "npx tsx scripts/start.ts",
      url: `${BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 240_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      env: {
        ...database,
        PORT: String(PORT),
        APP_URL: BASE_URL,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        AUTH_SECRET: "knotenpunkt-e2e-secret-0123456789",
        // Per-client limits are lifted (every spec comes from 127.0.0.1); per-address limits stay.
        RATE_LIMIT_SIGNIN_PER_IP: "1000",
        RATE_LIMIT_SIGNUP_PER_IP: "1000",
        NEXT_TELEMETRY_DISABLED: "1",
        // Notification mails wait a few seconds for a burst to gather (90 s in production).
        NOTIFY_MAIL_DELAY_SECONDS: "3",
      },
    },
  ],
});

/** Deletes PGlite folders of e2e runs that ended more than an hour ago. */
function removeOldRunFolders() {
  if (process.env.TEST_WORKER_INDEX !== undefined) return;
  try {
    for (const name of readdirSync(".data")) {
      const path = `.data/${name}`;
      if (!name.startsWith("e2e-") || path === process.env.E2E_PGLITE_DIR) continue;
      if (Date.now() - statSync(path).mtimeMs > 60 * 60 * 1000)
        rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // no .data folder yet
  }
}
