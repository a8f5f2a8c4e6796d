// The lock that keeps a second process off an embedded database folder. Uses its own temporary
// folder, so it runs the same whether the other tests use PGlite or PostgreSQL.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseLockedError, lockDataDir, openPglite } from "@/db/pglite";

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "knotenpunkt-lock-"));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const tsx = path.join(process.cwd(), "node_modules/.bin/tsx");
const childScript = path.join(process.cwd(), "tests/support/open-pglite.ts");

/** Opens `dir` in another process, as a second `npm start` would. */
function openInChild(dir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [childScript, dir], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** The pid of a process that has exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    child.on("error", reject);
    child.on("close", () => resolve(child.pid!));
  });
}

describe("PGlite data folder lock", () => {
  // Creates a PGlite folder and starts two processes: about 10 s on a quiet machine, over 30 s once
  // in CI beside an e2e run.
  it("refuses a second process at once, with a clear message, and lets it in once released", {
    timeout: 90_000,
  }, async () => {
    const dir = path.join(tmp, "shared");
    const { client, release } = await openPglite(dir);
    try {
      await client.query("create table notes (body text)");
      const second = await openInChild(dir);
      expect(second.code).not.toBe(0);
      expect(second.output).toContain("already open");
      expect(second.output).toContain(String(process.pid));
      // At once: the attempt itself, timed inside the child. Starting the child (tsx) took 1 s on a
      // quiet machine and over 5 s in CI beside an e2e run, so the whole run is no measure.
      const attemptMs = Number(/after (\d+) ms/.exec(second.output)?.[1]);
      expect(attemptMs).toBeLessThan(1_000);
      expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    } finally {
      await client.close();
      release();
    }
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
    const later = await openInChild(dir);
    expect(later).toMatchObject({ code: 0 });
    expect(later.output).toContain("opened");
  });

  it("takes over a lock left behind by a process that died", async () => {
    const dir = path.join(tmp, "stale");
    const pid = await deadPid();
    fs.writeFileSync(`${dir}.lock`, String(pid));
    const release = lockDataDir(dir);
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("refuses in-process callers when a live process holds the folder", async () => {
    const dir = path.join(tmp, "held");
    // pid 1 is alive on every system (init, or the container's first process)
    fs.writeFileSync(`${dir}.lock`, "1");
    expect(() => lockDataDir(dir)).toThrow(DatabaseLockedError);
    expect(() => lockDataDir(dir)).toThrow(/already open in process 1\b/);
    expect(fs.readFileSync(`${dir}.lock`, "utf8")).toBe("1");
  });
});
