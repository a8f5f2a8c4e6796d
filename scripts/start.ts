/**
 * `npm start`: build if needed, migrate, seed the demo network, then serve (scripts/serve.ts).
 * Honours PORT and DATABASE_URL (without it: embedded PGlite in ./.data).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { closeDb, getDbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { installDefaults, seedDemo } from "@/db/seed";
import { env, isDemoMode } from "@/lib/env";
import { SERVE_ARGS } from "./serve-command";

const port = process.env.PORT ?? "3000";
const nextBin = require.resolve("next/dist/bin/next");
process.env.NEXT_TELEMETRY_DISABLED = "1";

function buildIfNeeded() {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (existsSync(`${distDir}/BUILD_ID`) && process.env.FORCE_BUILD !== "1") return;
  console.log("Building Knotenpunkt (first start only, takes a minute or two) …");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function prepareDatabase() {
  const handle = await getDbHandle();
  await runMigrations(handle);
  await installDefaults(handle.db);
  const logins = process.env.SEED_DEMO === "0" ? null : await seedDemo(handle.db);
  await closeDb(); // releases the PGlite lock before the server opens the folder
  return { driver: handle.driver, logins };
}

async function main() {
  buildIfNeeded();
  const { driver, logins } = await prepareDatabase();
  const url = `http://localhost:${port}`;
  const server = spawn(process.execPath, SERVE_ARGS, {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, PORT: port, NODE_ENV: "production", APP_URL: process.env.APP_URL ?? url },
  });
  server.stdout.pipe(process.stdout);
  let announced = false;
  server.stdout.on("data", (chunk: Buffer) => {
    if (announced || !/ready|started/i.test(chunk.toString())) return;
    announced = true;
    console.log(
      `\nKnotenpunkt is running at ${url}  (database: ${driver === "pglite" ? `PGlite in ${env.PGLITE_DIR}` : "PostgreSQL"})`,
    );
    if (logins) {
      console.log("Demo logins (sign in with the e-mail address; the link arrives in the mailbox):");
      for (const login of logins) console.log(`  ${login.role.padEnd(12)} ${login.email}`);
    }
    console.log(isDemoMode() ? `Dev mailbox: ${url}/dev/mailbox\n` : "Mail is sent through SMTP_URL.\n");
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
