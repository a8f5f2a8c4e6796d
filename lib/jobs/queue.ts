import "server-only";
import { type Executor, getDbHandle } from "@/db/client";
import { ensureQueue, getBoss, JOB_DEFAULTS, jobsSchema } from "./boss";
import { jobsDbFor, jobsDbForTransaction } from "./sql";

export type SendJobOptions = {
  /** Not before this moment. */
  startAfter?: Date;
  /**
   * At most one waiting job per key and queue: a second send while the first still waits is dropped
   * (returns null). Use it to batch a burst into one job. Best effort under races, so handlers must
   * still be idempotent (claim their rows).
   */
  singletonKey?: string;
  /**
   * The job's id (a UUID): a second send with the same id is dropped (returns null), also once the
   * first has run. Use it to queue a job exactly once whatever retries the sender makes.
   */
  id?: string;
  /** Attempts after the first failure (default 8, with exponential backoff from 30 s). */
  retryLimit?: number;
  /** Enqueue inside this drizzle transaction: the job exists only if the transaction commits. */
  tx?: Executor;
};

/**
 * Enqueues a job for the handler registered under `name` in lib/jobs/registry.ts. Works on PGlite and
 * PostgreSQL; the job survives restarts and is retried with backoff when its handler throws.
 * Returns the job id, or null when a waiting job with the same singletonKey already exists.
 */
export async function sendJob(
  name: string,
  data: object,
  options: SendJobOptions = {},
): Promise<string | null> {
  const boss = await getBoss("client");
  await ensureQueue(boss, name);
  const handle = await getDbHandle();
  const db = options.tx ? jobsDbForTransaction(options.tx, handle.driver) : undefined;
  if (options.singletonKey) {
    // pg-boss 10 honours singletonKey alone only on "short" queues, which allow one waiting job in all.
    const { rows } = await (db ?? jobsDbFor(handle)).executeSql(
      `SELECT 1 FROM ${jobsSchema()}.job WHERE name = $1 AND singleton_key = $2 AND state = 'created' LIMIT 1`,
      [name, options.singletonKey],
    );
    if (rows.length > 0) return null;
  }
  const id = await boss.send(name, data, {
    id: options.id,
    startAfter: options.startAfter,
    singletonKey: options.singletonKey,
    retryLimit: options.retryLimit ?? JOB_DEFAULTS.retryLimit,
    retryDelay: JOB_DEFAULTS.retryDelay,
    retryBackoff: JOB_DEFAULTS.retryBackoff,
    expireInSeconds: JOB_DEFAULTS.expireInSeconds,
    // biome-ignore lint/suspicious/noExplicitAny: pg-boss types its db option as its own Db interface
    ...(db ? { db: db as any } : {}),
  });
  return id ?? null;
}

/** Sends queued after a caller's transaction, kept so tests and shutdown can wait for them. */
const deferred = new Set<Promise<unknown>>();

/**
 * Runs `send` without holding up the caller: for jobs enqueued while a transaction is open on PGlite
 * (one connection, held by the transaction until it ends). Errors are logged; a job lost this way
 * must be found again by its area (notifications has a sweep job for that).
 */
export function deferJob(send: () => Promise<unknown>): void {
  const pending: Promise<unknown> = send()
    .catch((error: unknown) => console.error("[jobs] could not enqueue a deferred job:", error))
    .finally(() => deferred.delete(pending));
  deferred.add(pending);
}

export async function flushDeferredJobs(): Promise<void> {
  while (deferred.size > 0) await Promise.allSettled([...deferred]);
}
