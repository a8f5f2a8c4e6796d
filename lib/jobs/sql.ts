import "server-only";
import type { PGlite, Transaction as PgliteTransaction } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import type { DbHandle, Executor } from "@/db/client";

/** What pg-boss needs from a database: `executeSql(text, values)` returning `{ rows }`. */
export type JobsDb = { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

type PgliteLike = Pick<PGlite | PgliteTransaction, "query" | "exec">;

/**
 * PGlite: statements with parameters through `query`; pg-boss's migrations are several statements
 * without parameters, which only `exec` accepts.
 */
function pgliteDb(client: PgliteLike, inTransaction = false): JobsDb {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const result = await client.query(text, values);
        return { rows: result.rows };
      }
      try {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      } catch (error) {
        // As on PostgreSQL below: a failed script must not leave its BEGIN open on the one connection.
        if (!inTransaction) await client.exec("ROLLBACK").catch(() => {});
        throw error;
      }
    },
  };
}

/** postgres.js sends jsonb parameters unserialised (it only knows json's type id): objects become JSON text. */
const toParam = (value: unknown) =>
  value === undefined
    ? null
    : value !== null &&
        typeof value === "object" &&
        !(value instanceof Date) &&
        !Array.isArray(value) &&
        !Buffer.isBuffer(value)
      ? JSON.stringify(value)
      : value;

/**
 * postgres.js: the simple protocol for statement lists without parameters (several statements at
 * once). pg-boss's migrations open their own transaction (BEGIN … COMMIT), which postgres.js allows
 * only on a reserved connection.
 */
function postgresDb(client: Sql, inTransaction = false): JobsDb {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        // biome-ignore lint/suspicious/noExplicitAny: pg-boss passes plain JSON-able values
        const rows = await client.unsafe(text, values.map(toParam) as any[]);
        return { rows: [...rows] };
      }
      let result: unknown;
      if (inTransaction) {
        result = await client.unsafe(text).simple();
      } else {
        const reserved = await client.reserve();
        try {
          result = await reserved.unsafe(text).simple();
        } catch (error) {
          // A failed statement list may leave its own BEGIN open: never hand an aborted
          // transaction back to the pool, where every later query of the app would fail on it.
          await reserved.unsafe("ROLLBACK").catch(() => {});
          throw error;
        } finally {
          reserved.release();
        }
      }
      // Several statements give one result per statement: pg-boss only reads single-statement results.
      const last = Array.isArray(result) && Array.isArray(result.at(-1)) ? result.at(-1) : result;
      return { rows: [...(last as unknown[])] };
    },
  };
}

/** pg-boss's database: the app's own connection (never a second PGlite instance: it is single-process). */
export function jobsDbFor(handle: DbHandle): JobsDb {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  return handle.driver === "pglite" ? pgliteDb(client as PGlite) : postgresDb(client as Sql);
}

/** The same inside an open drizzle transaction, so a job is enqueued only if the transaction commits. */
export function jobsDbForTransaction(tx: Executor, driver: DbHandle["driver"]): JobsDb {
  const session = (tx as unknown as { session?: { client?: unknown } }).session;
  const client = session?.client;
  if (!client) throw new Error("sendJob: options.tx is not a drizzle transaction");
  return driver === "pglite" ? pgliteDb(client as PgliteLike, true) : postgresDb(client as Sql, true);
}

const turns = globalThis as unknown as { __kpJobsSchemaTurn?: Promise<unknown> };

/**
 * Runs pg-boss's schema work (installing its tables, creating a queue) one at a time: starts that
 * overlap — the enqueuing side and the worker of one process, or several processes on a fresh
 * database — would otherwise collide (a duplicate schema, a deadlock, or on PGlite's one connection
 * two interleaved BEGIN … COMMIT scripts). In this process by a queue of turns, across processes
 * by an advisory lock.
 */
export async function oneAtATime<T>(handle: DbHandle, schema: string, work: () => Promise<T>): Promise<T> {
  const previous = turns.__kpJobsSchemaTurn ?? Promise.resolve();
  const mine = previous.catch(() => {}).then(() => acrossProcesses(handle, schema, work));
  turns.__kpJobsSchemaTurn = mine;
  return mine;
}

async function acrossProcesses<T>(handle: DbHandle, schema: string, work: () => Promise<T>): Promise<T> {
  if (handle.driver === "pglite") return work();
  const client = (handle.db as unknown as { $client: Sql }).$client;
  const reserved = await client.reserve();
  try {
    await reserved`select pg_advisory_lock(hashtext(${`knotenpunkt.jobs:${schema}`}))`;
    return await work();
  } finally {
    await reserved`select pg_advisory_unlock(hashtext(${`knotenpunkt.jobs:${schema}`}))`.catch(() => {});
    reserved.release();
  }
}
