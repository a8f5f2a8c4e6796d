/**
 * `npm run worker`: a job worker process for PostgreSQL (notification mails, digests, other areas'
 * jobs). Run as many as you like beside the web processes. With PGlite the worker runs inside the
 * web process instead (a second process may not open the database).
 */
import { closeDb, getDbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";

// The job handlers are server code marked `import "server-only"`, which throws outside React's server
// build: in this plain Node process it is an empty module.
const serverOnly = require.resolve("server-only");
require.cache[serverOnly] = {
  id: serverOnly,
  filename: serverOnly,
  loaded: true,
  exports: {},
} as NodeJS.Module;

async function main() {
  const { startWorker, stopWorker } = await import("@/lib/jobs/worker");
  const handle = await getDbHandle();
  if (handle.driver !== "postgres") {
    throw new Error(
      "npm run worker needs DATABASE_URL (PostgreSQL). With the embedded PGlite database the worker runs inside `npm start`.",
    );
  }
  await runMigrations(handle);
  await startWorker();
  console.log(
    "Job worker running. Stop with Ctrl+C: running jobs finish first; unfinished ones are retried.",
  );
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stopWorker(10_000)
        .then(() => closeDb())
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          console.error(error);
          process.exit(1);
        });
    });
  }
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
