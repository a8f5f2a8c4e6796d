// Embedded PGlite runs in this process's thread: a long run of queries must still let other work
// (another request, a timer) in. Uses its own in-memory database, so it runs on either driver.

import type { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openPglite, PGLITE_SLICE_MS } from "@/db/pglite";

let client: PGlite;

beforeAll(async () => {
  ({ client } = await openPglite("memory://"));
  await client.exec("create table items (n int)");
});

afterAll(async () => {
  await client.close();
});

it("lets a timer run in the middle of a long run of queries sent one after the other", async () => {
  let queriesBeforeTimer: number | null = null;
  let sent = 0;
  const timer = new Promise<void>((resolve) =>
    setTimeout(() => {
      queriesBeforeTimer = sent;
      resolve();
    }, 1),
  );
  const started = performance.now();
  while (performance.now() - started < 10 * PGLITE_SLICE_MS) {
    await client.transaction(async (tx) => {
      await tx.query("insert into items values ($1)", [sent]);
    });
    await client.query("select count(*) from items");
    sent += 1;
  }
  await timer;
  // Without turns the timer would run only after the last query.
  expect(queriesBeforeTimer).not.toBeNull();
  expect(queriesBeforeTimer).toBeLessThan(sent);
});
