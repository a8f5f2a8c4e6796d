import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { env } from "@/lib/env";
import { openPglite } from "./pglite";
import * as schema from "./schema";
import { SESSION_SETTINGS } from "./session-settings";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database handle or an open transaction: helpers take either. */
export type Executor = Database | Transaction;

export type DbHandle = {
  db: Database;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
};

// One handle per process, kept on globalThis: Next bundles route handlers and pages separately,
// and two PGlite instances on one folder would corrupt it.
const holder = globalThis as unknown as { __knotenpunktDb?: Promise<DbHandle> };

function open(): Promise<DbHandle> {
  return env.DATABASE_URL ? openPostgresHandle(env.DATABASE_URL) : openPgliteHandle(env.PGLITE_DIR);
}

async function openPostgresHandle(url: string): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, {
    max: env.DATABASE_POOL_MAX,
    onnotice: () => {},
    connection: SESSION_SETTINGS,
  });
  return {
    db: drizzle(preparingStatements(client), { schema }) as unknown as Database,
    driver: "postgres",
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPgliteHandle(dir: string, archive?: Blob): Promise<DbHandle> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const { client, release } = await openPglite(dir, archive);
  return {
    db: drizzle(client, { schema }) as unknown as Database,
    driver: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * drizzle sends every query through postgres.js's `unsafe`, which does not prepare: PostgreSQL then
 * parses and plans each query anew, which costs more than running most of them. Prepared here,
 * postgres.js keeps one named statement per query text and connection, and PostgreSQL reuses it.
 * Only queries with parameters: those without go by the simple protocol, which allows statement lists.
 *
 * Searches stay unprepared, so PostgreSQL plans each for the words searched for. Prepared, it
 * switches to one generic plan after five runs when that plan looks no dearer on average, and for the
 * directory's name search that plan took 2.6 ms a query where planning and running it for the
 * actual words took 1.7 ms (10,000 members, under load).
 */
const SEARCH = /websearch_to_tsquery|<%/;
function preparingStatements(client: Sql): Sql {
  const unsafe: Sql["unsafe"] = (query, params, options) =>
    client.unsafe(
      query,
      params,
      params?.length && !SEARCH.test(query) ? { ...options, prepare: true } : options,
    );
  return new Proxy(client, { get: (target, key) => (key === "unsafe" ? unsafe : Reflect.get(target, key)) });
}

export function getDbHandle(): Promise<DbHandle> {
  holder.__knotenpunktDb ??= open().catch((error: unknown) => {
    holder.__knotenpunktDb = undefined;
    throw error;
  });
  return holder.__knotenpunktDb;
}

/** Tests: this process's database is an in-memory PGlite loaded from `archive` (a `dumpDataDir()`). */
export function openMemoryDbFrom(archive: Blob): Promise<DbHandle> {
  holder.__knotenpunktDb = openPgliteHandle("memory://", archive);
  return holder.__knotenpunktDb;
}

/** Tests: this process's database is the PostgreSQL database at `url` instead of DATABASE_URL's. */
export function openPostgresDbAt(url: string): Promise<DbHandle> {
  holder.__knotenpunktDb = openPostgresHandle(url);
  return holder.__knotenpunktDb;
}

export async function getDb(): Promise<Database> {
  return (await getDbHandle()).db;
}

export async function closeDb(): Promise<void> {
  const handle = holder.__knotenpunktDb;
  holder.__knotenpunktDb = undefined;
  if (handle) await (await handle).close();
}

/** The rows of a raw `db.execute`: postgres.js returns them as the result, PGlite inside `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
