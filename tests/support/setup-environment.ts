// Runs in every test worker before each test file is imported (both projects in vitest.config.ts).
// lib/env.ts reads process.env once, when it is first imported, so nothing here imports it.

if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";
delete process.env.SMTP_URL; // demo mode: mail goes to dev_outbox unless a test sets SMTP_URL
process.env.AUTH_SECRET = "knotenpunkt-test-secret-0123456789";
process.env.APP_URL = "http://localhost:3000";

// vitest.config.ts sets TZ=Europe/Berlin: code that silently assumes UTC must fail here.
if (new Date(2026, 0, 15).getTimezoneOffset() === 0) {
  throw new Error("Tests must run in a time zone other than UTC (see vitest.config.ts).");
}
