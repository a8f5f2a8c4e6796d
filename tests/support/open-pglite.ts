// Child process for tests/integration/pglite-lock.test.ts: opens the PGlite folder given as the
// first argument, says so, closes it and exits 0; on failure prints the error, and how long the
// attempt took in ms ("after 12 ms"), and exits 1.
import { openPglite } from "../../db/pglite";

let started = 0;

async function main(dir: string): Promise<void> {
  started = performance.now();
  const { client, release } = await openPglite(dir);
  await client.query("select 1");
  console.log("opened");
  await client.close();
  release();
}

main(process.argv[2] ?? "").then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(`after ${Math.round(performance.now() - started)} ms`);
    process.exit(1);
  },
);
