import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sessionSettingsSql } from "./session-settings";

export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number, lockFile: string) {
    super(
      `The embedded database in ${dir} is already open in process ${pid}. ` +
        "PGlite allows one process only: stop the other process (npm start, npm run dev, a test run) " +
        `or set DATABASE_URL to use PostgreSQL. If no such process runs, delete ${lockFile}.`,
    );
    this.name = "DatabaseLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the folder's lock file, or throws at once if a live process holds it. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(path.dirname(dir), { recursive: true });
  const lockFile = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockFile);
        } catch {}
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
      if (Number.isFinite(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DatabaseLockedError(dir, holder, lockFile);
      }
      unlinkSync(lockFile); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

const BYTEA_OID = 17;

/**
 * Files (photos, attachments, video chunks) go in and out of bytea columns as hex text. PGlite's own
 * conversion builds and reads that text one byte at a time in JavaScript: in the e2e run it took a
 * tenth of the server's CPU, and storing and reading back a chunked video upload took 12 s
 * (tests/integration/videos.test.ts). Node's Buffer does both natively: 3 s.
 */
const byteaAsBuffers = {
  serializers: {
    [BYTEA_OID]: (file: Uint8Array) =>
      `\\x${Buffer.from(file.buffer, file.byteOffset, file.byteLength).toString("hex")}`,
  },
  parsers: { [BYTEA_OID]: (hex: string) => Buffer.from(hex.slice(2), "hex") },
};

/**
 * A database in memory keeps its files in memory already: PostgreSQL's own cache of them need not be
 * 128 MB. Setting that up took about half of opening one (1.0–1.2 s → 0.6–0.7 s), which every
 * integration test file does.
 */
const IN_MEMORY_START = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/**
 * Opens the PGlite database in `dir`, or in memory for "memory://". `archive` (memory only) is a
 * `dumpDataDir()` of a database to start from: loading it is faster than creating an empty one.
 */
export async function openPglite(
  dir: string,
  archive?: Blob,
): Promise<{ client: PGlite; release: () => void }> {
  const extensions = { pg_trgm };
  if (dir.startsWith("memory://")) {
    const client = await PGlite.create({
      extensions,
      loadDataDir: archive,
      startParams: IN_MEMORY_START,
      ...byteaAsBuffers,
    });
    await client.exec(sessionSettingsSql());
    return { client: takingTurns(client), release: () => {} };
  }
  const absolute = path.resolve(dir);
  const release = lockDataDir(absolute);
  try {
    const client = await PGlite.create({ dataDir: absolute, extensions, ...byteaAsBuffers });
    await client.exec(sessionSettingsSql());
    return { client: takingTurns(client), release };
  } catch (error) {
    release();
    throw error;
  }
}

/** The longest run of queries that may hold this process's event loop before others get a turn. */
export const PGLITE_SLICE_MS = 20;

/**
 * PGlite answers each query synchronously in this process's thread, so a run of queries with nothing
 * else to wait for (a job working through thousands of rows) never lets the event loop turn: every
 * request, the progress bar's included, would wait until it ends. Here a query, a statement list or
 * a transaction first gives the event loop a turn when the last was more than PGLITE_SLICE_MS ago.
 * Queries inside a transaction run on as they are: it holds the database anyway.
 */
function takingTurns(client: PGlite): PGlite {
  let lastTurn = performance.now();
  const turn = async () => {
    if (performance.now() - lastTurn < PGLITE_SLICE_MS) return;
    await nextTurn();
    lastTurn = performance.now();
  };
  const afterTurn = <F extends (...args: never[]) => Promise<unknown>>(method: F): F =>
    (async (...args: Parameters<F>) => {
      await turn();
      return method.apply(client, args);
    }) as F;
  client.query = afterTurn(client.query);
  client.exec = afterTurn(client.exec);
  client.transaction = afterTurn(client.transaction);
  return client;
}
