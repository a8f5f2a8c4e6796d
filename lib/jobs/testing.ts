// Test support: runs queued jobs in the test process, without a polling worker.
import { getDbHandle } from "@/db/client";
import { ensureQueue, getBoss, jobsSchema } from "./boss";
import { flushDeferredJobs } from "./queue";
import { jobHandlers } from "./registry";
import { jobsDbFor } from "./sql";

// Each test file gets its own pg-boss schema on PostgreSQL, and its bosses stopped when it is done
// (tests/support/setup.ts).

export type RunResult = { completed: number; failed: number; errors: unknown[] };

/**
 * Runs every job that is due now (and, with `dueWithinMs`, those due within that time, such as a
 * batched mail or a pending retry), including jobs the handlers enqueue, until none is left. A failing
 * job is scheduled for its retry like in production; the next call with `dueWithinMs` runs it.
 */
export async function runQueuedJobs(
  options: { dueWithinMs?: number; names?: string[] } = {},
): Promise<RunResult> {
  await flushDeferredJobs();
  const boss = await getBoss("client");
  const handle = await getDbHandle();
  const names = options.names ?? Object.keys(jobHandlers);
  const result: RunResult = { completed: 0, failed: 0, errors: [] };
  for (const name of names) await ensureQueue(boss, name);
  for (let round = 0; round < 50; round++) {
    if (options.dueWithinMs !== undefined) {
      // Retries come due only once per call, so a job failing again waits for the next call.
      // A second back: pg-boss fetches only start_after < now(), and PGlite's clock may not have
      // moved on (millisecond resolution) by the fetch right after.
      await jobsDbFor(handle).executeSql(
        `UPDATE ${jobsSchema()}.job SET start_after = now() - interval '1 second'
         WHERE state::text = ANY($2::text[]) AND start_after <= now() + $1::int * interval '1 millisecond'`,
        [options.dueWithinMs, round === 0 ? ["created", "retry"] : ["created"]],
      );
    }
    let ran = 0;
    for (const name of names) {
      const handler = jobHandlers[name];
      if (!handler) throw new Error(`No handler registered for job ${name}`);
      const jobs = await boss.fetch(name, { batchSize: 50 });
      for (const job of jobs ?? []) {
        ran++;
        try {
          await handler(job.data);
          await boss.complete(name, job.id);
          result.completed++;
        } catch (error) {
          await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
          result.failed++;
          result.errors.push(error);
        }
      }
    }
    if (ran === 0) break;
  }
  return result;
}

/** The states of this file's jobs by queue, e.g. to assert a retry is scheduled. */
export async function jobStates(
  name: string,
): Promise<{ state: string; retryCount: number; startAfter: Date }[]> {
  const handle = await getDbHandle();
  const { rows } = await jobsDbFor(handle).executeSql(
    `SELECT state, retry_count AS "retryCount", start_after AS "startAfter" FROM ${jobsSchema()}.job WHERE name = $1 ORDER BY created_on`,
    [name],
  );
  return rows as { state: string; retryCount: number; startAfter: Date }[];
}
