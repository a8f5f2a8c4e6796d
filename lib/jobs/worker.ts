import "server-only";
import { getDbHandle } from "@/db/client";
import { env } from "@/lib/env";
import { ensureQueue, getBoss, stopBosses } from "./boss";
import { jobHandlers, jobSchedules } from "./registry";

const holder = globalThis as unknown as { __kpWorker?: Promise<void> };

/** Seconds between two looks at an empty queue. */
const POLL_SECONDS = 2;

async function start(): Promise<void> {
  const boss = await getBoss("worker");
  for (const [name, handler] of Object.entries(jobHandlers)) {
    await ensureQueue(boss, name);
    let workerId: string | undefined;
    workerId = await boss.work(name, { pollingIntervalSeconds: POLL_SECONDS, batchSize: 1 }, async (jobs) => {
      // A thrown error fails this attempt; pg-boss retries it with backoff.
      for (const job of jobs) await handler(job.data);
      // pg-boss waits the polling interval after every fetch, also one that found work: a burst of
      // 50 mail jobs would take 100 s. Having done one, look for the next at once.
      if (jobs.length > 0 && workerId) boss.notifyWorker(workerId);
    });
  }
  for (const schedule of jobSchedules) {
    await ensureQueue(boss, schedule.name);
    await boss.schedule(schedule.name, schedule.cron, schedule.data ?? {}, {
      tz: schedule.tz ?? "Europe/Berlin",
    });
    if (schedule.onStart) await boss.send(schedule.name, schedule.data ?? {});
  }
}

/** Starts this process's job worker once (idempotent). */
export function startWorker(): Promise<void> {
  holder.__kpWorker ??= start().catch((error: unknown) => {
    holder.__kpWorker = undefined;
    throw error;
  });
  return holder.__kpWorker;
}

/** Lets running jobs finish (up to `timeout` ms), then stops; unfinished jobs are retried later. */
export async function stopWorker(timeout = 10_000): Promise<void> {
  holder.__kpWorker = undefined;
  await stopBosses({ graceful: true, timeout });
}

/**
 * The web process's worker: always with PGlite (no other process may open its folder), and with
 * PostgreSQL unless JOBS_IN_PROCESS=0 (then run `npm run worker`, as many as you like).
 */
export async function startInProcessWorker(): Promise<void> {
  const { driver } = await getDbHandle();
  if (driver === "postgres" && env.JOBS_IN_PROCESS === "0") return;
  if (driver === "pglite" && env.JOBS_IN_PROCESS === "0") {
    console.warn("[jobs] JOBS_IN_PROCESS=0 is ignored with PGlite: only this process can run its jobs.");
  }
  await startWorker();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void stopWorker(5_000);
    });
  }
}
