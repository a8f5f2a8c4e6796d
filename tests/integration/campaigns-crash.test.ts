// The campaign sender against a real SMTP peer: refusals, concurrent senders, the rate limit, and a
// worker process killed (SIGKILL) mid-campaign and restarted. lib/env.ts reads SMTP_URL once, at
// import: the sender is imported afresh after it is set (the database handle stays).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb, rowsOf } from "@/db/client";
import {
  campaignStatus,
  createSendingCampaign,
  deleteCampaign,
  makeRetriesDue,
  outboxRows,
} from "../support/campaign-factories";
import type { WorkerReport } from "../support/campaign-worker";

type Received = { to: string; messageId: string; at: number };
type SmtpPeer = {
  url: string;
  received: Received[];
  /** While set, every message is refused with this reply code (4xx temporary, 5xx permanent). */
  refuseWith: number | null;
  /** Server errors other than a client that went away. */
  errors: Error[];
  close: () => Promise<void>;
};

/**
 * An SMTP peer that notes each accepted message's recipient, Message-ID and arrival time (without
 * parsing the rest). Unlike tests/support/smtp-capture.ts it expects clients to die mid-session: a
 * SIGKILLed worker resets its connections, which smtp-server reports as an "error" event.
 */
async function startSmtpPeer(): Promise<SmtpPeer> {
  const peer = { received: [] as Received[], refuseWith: null as number | null, errors: [] as Error[] };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"], // the built-in certificate has expired
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (!head.includes("\r\n\r\n")) head += chunk.toString("latin1");
      });
      stream.on("end", () => {
        const refuse = peer.refuseWith;
        if (refuse !== null) {
          callback(Object.assign(new Error("Mailbox unavailable, try later"), { responseCode: refuse }));
          return;
        }
        const headers = head.split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " ");
        const messageId = /^message-id:[ \t]*(.*)$/im.exec(headers)?.[1]?.trim() ?? "";
        const at = performance.now();
        for (const rcpt of session.envelope.rcptTo) peer.received.push({ to: rcpt.address, messageId, at });
        callback();
      });
    },
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") peer.errors.push(error);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(peer, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

let smtp: SmtpPeer;
let sender: typeof import("@/lib/campaigns/sender");
const created: string[] = [];

beforeAll(async () => {
  smtp = await startSmtpPeer();
  process.env.SMTP_URL = smtp.url;
  vi.resetModules();
  sender = await import("@/lib/campaigns/sender");
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  const holder = globalThis as { __kpCampaignSmtp?: { transport: { close: () => void } } };
  holder.__kpCampaignSmtp?.transport.close();
  delete holder.__kpCampaignSmtp;
  // PostgreSQL is shared by all test files; a PGlite database goes away with the file.
  if (process.env.DATABASE_URL) for (const id of created) await deleteCampaign(id);
  await smtp.close();
  expect(smtp.errors).toEqual([]);
});

async function campaignOf(recipients: number) {
  const campaign = await createSendingCampaign({ recipients });
  created.push(campaign.id);
  return campaign;
}

const suppressionOf = async (email: string) => {
  const db = await getDb();
  return rowsOf<{ reason: string }>(
    await db.execute(sql`select reason from suppressions where email = ${email}`),
  )[0]?.reason;
};
const mailsTo = (email: string) => smtp.received.filter((mail) => mail.to === email);
const expectedMessageId = (deliveryId: string) => `<${deliveryId}.campaign@localhost>`;
/** Plain options for in-process runs, independent of the CAMPAIGN_* defaults. */
const run = (campaignId: string, options: Parameters<typeof sender.runCampaignSender>[1] = {}) =>
  sender.runCampaignSender(campaignId, { ratePerMinute: 0, concurrency: 5, leaseSeconds: 60, ...options });

describe("campaign sender over SMTP", () => {
  it("puts a temporarily refused mail (4xx) back with a growing backoff and the server's reason, then sends it once", async () => {
    const campaign = await campaignOf(1);
    const email = campaign.emails[0]!;

    smtp.refuseWith = 451;
    try {
      const first = await run(campaign.id);
      expect(first).toMatchObject({ state: "waiting", sent: 0 });
      let [row] = await outboxRows(campaign.id);
      expect(row).toMatchObject({ status: "pending", attempts: 1, lease_until: null });
      expect(row!.error).toMatch(/^451\b.*try later/);
      const firstDelay = row!.due_at.getTime() - Date.now();
      expect(firstDelay).toBeGreaterThan(25_000);
      expect(firstDelay).toBeLessThanOrEqual(30_000);
      expect(first.nextAt?.getTime()).toBe(row!.due_at.getTime());

      // Not due yet: a sender that looks now sends nothing.
      expect(await run(campaign.id)).toMatchObject({ state: "waiting", sent: 0 });
      expect((await outboxRows(campaign.id))[0]?.attempts).toBe(1);

      await makeRetriesDue(campaign.id);
      await run(campaign.id);
      [row] = await outboxRows(campaign.id);
      expect(row).toMatchObject({ status: "pending", attempts: 2 });
      expect(row!.due_at.getTime() - Date.now()).toBeGreaterThan(55_000); // 30 s, then 60 s
    } finally {
      smtp.refuseWith = null;
    }
    expect(mailsTo(email)).toHaveLength(0);

    await makeRetriesDue(campaign.id);
    expect(await run(campaign.id)).toMatchObject({ state: "done", sent: 1 });
    const [row] = await outboxRows(campaign.id);
    expect(row).toMatchObject({ status: "sent", attempts: 3, error: null });
    expect(await campaignStatus(campaign.id)).toBe("sent");
    expect(await run(campaign.id)).toMatchObject({ state: "stopped", sent: 0 });
    const mails = mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.messageId).toBe(expectedMessageId(row!.id));
    expect(await suppressionOf(email)).toBeUndefined(); // a temporary refusal is no bounce
  });

  it("records a permanent refusal (5xx) with the server's reason and never retries it", async () => {
    const campaign = await campaignOf(1);
    smtp.refuseWith = 550;
    try {
      expect(await run(campaign.id)).toMatchObject({ state: "done", sent: 0 });
    } finally {
      smtp.refuseWith = null;
    }
    const [row] = await outboxRows(campaign.id);
    expect(row).toMatchObject({ status: "failed", attempts: 1, lease_until: null });
    expect(row!.error).toMatch(/^550\b.*Mailbox unavailable/);
    // Nothing is left to claim, even once a backoff would have passed; the campaign is finished.
    await makeRetriesDue(campaign.id);
    expect(await sender.claimBatch(campaign.id, 10, 60)).toEqual([]);
    expect(await campaignStatus(campaign.id)).toBe("sent");
    expect(await run(campaign.id)).toMatchObject({ state: "stopped", sent: 0 });
    expect(await outboxRows(campaign.id)).toMatchObject([{ status: "failed", attempts: 1 }]);
    expect(mailsTo(campaign.emails[0]!)).toHaveLength(0);
    expect(await suppressionOf(campaign.emails[0]!)).toBe("bounced");
  });

  it("lets one of two senders started at once send the campaign, each mail exactly once", async () => {
    const campaign = await campaignOf(300);
    const results = await Promise.all([
      run(campaign.id, { senderId: `a-${campaign.id}` }),
      run(campaign.id, { senderId: `b-${campaign.id}` }),
    ]);
    expect(results.map((r) => r.state)).toContain("done");
    expect(results[0]!.sent + results[1]!.sent).toBe(300);
    const counts = campaign.emails.map((email) => mailsTo(email).length);
    expect(counts.every((n) => n === 1)).toBe(true);
    expect((await outboxRows(campaign.id)).every((row) => row.status === "sent")).toBe(true);
  });

  it("never hands the same mail to two concurrent claims", async () => {
    const campaign = await campaignOf(300);
    const batches = await Promise.all([1, 2, 3, 4].map(() => sender.claimBatch(campaign.id, 100, 60)));
    const ids = batches.flat().map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Claimed mails stay with their claimer while the lease runs; the rest is still there to claim.
    const rest = await sender.claimBatch(campaign.id, 1000, 60);
    const all = [...ids, ...rest.map((row) => row.id)];
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(300);
    expect(await sender.claimBatch(campaign.id, 1000, 60)).toEqual([]);
    const rows = await outboxRows(campaign.id);
    expect(rows.every((row) => row.status === "sending" && row.attempts === 1)).toBe(true);
    // Left as it is, another test file's campaign tick on a shared database would send these once the lease ends.
    await deleteCampaign(campaign.id);
  });

  it("holds a configured rate within 5 %", async () => {
    const campaign = await campaignOf(31);
    // 600 a minute: one every 100 ms, 31 mails in 3 s
    expect(await run(campaign.id, { ratePerMinute: 600 })).toMatchObject({ state: "done", sent: 31 });
    const recipients = new Set(campaign.emails);
    const arrivals = smtp.received.filter((mail) => recipients.has(mail.to)).map((mail) => mail.at);
    expect(arrivals).toHaveLength(31);
    const perMinute = ((arrivals.length - 1) / (arrivals.at(-1)! - arrivals[0]!)) * 60_000;
    expect(Math.abs(perMinute / 600 - 1)).toBeLessThan(0.05);
  });
});

// ---------------------------------------------------------------------------------------------------
// Crash safety: a worker process is killed with SIGKILL at several points and started again.

const CONCURRENCY = 5;
const RECIPIENTS = 1200;
const KILL_AT = [0.15, 0.45, 0.75];

type Worker = {
  child: ChildProcess;
  reports: WorkerReport[];
  output: () => string;
  exited: Promise<number | null>;
};

function startWorker(campaignId: string, env: NodeJS.ProcessEnv): Worker {
  // node --import tsx, not the tsx binary: that is a wrapper, and SIGKILL would miss the sender.
  const script = path.join(process.cwd(), "tests/support/campaign-worker.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, campaignId], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const reports: WorkerReport[] = [];
  let output = "";
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    output += chunk;
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) if (line.startsWith("{")) reports.push(JSON.parse(line) as WorkerReport);
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, reports, output: () => output, exited };
}

function copiesPerRecipient(mails: Received[]): Map<string, number> {
  const copies = new Map<string, number>();
  for (const { to } of mails) copies.set(to, (copies.get(to) ?? 0) + 1);
  return copies;
}

/** Copies this process's (in-memory) PGlite database into `dir` and closes it. */
async function copyPgliteTo(dir: string): Promise<void> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const memory = (await getDb()) as unknown as { $client: InstanceType<typeof PGlite> };
  const dump = await memory.$client.dumpDataDir("none");
  await closeDb();
  const copy = await PGlite.create({ dataDir: dir, loadDataDir: dump, extensions: { pg_trgm } });
  await copy.close();
}

/** Resolves once `ready()` holds; rejects if the worker exits first. */
function waitFor(worker: Worker, ready: () => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (ready()) finish(resolve);
      else if (worker.child.exitCode !== null)
        finish(() => reject(new Error(`worker exited: ${worker.output()}`)));
    }, 2);
    const timeout = setTimeout(
      () => finish(() => reject(new Error(`timed out: ${worker.output()}`))),
      timeoutMs,
    );
    const finish = (then: () => void) => {
      clearInterval(timer);
      clearTimeout(timeout);
      then();
    };
  });
}

describe("campaign sending across worker crashes", () => {
  it("reaches every recipient when the worker is SIGKILLed and restarted; repeats only mails in flight", {
    timeout: 180_000,
  }, async () => {
    // The test and its workers use a database of their own: a PGlite folder (copied from this file's
    // in-memory one, faster than migrating anew), or a PostgreSQL database, where other test files'
    // campaign ticks would otherwise take over this campaign whenever its sender's lease lapses.
    const exclusive = !process.env.DATABASE_URL; // PGlite: one process at a time
    const saved = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR: process.env.PGLITE_DIR };
    const tmp = exclusive ? fs.mkdtempSync(path.join(os.tmpdir(), "knotenpunkt-campaign-")) : null;
    const ownDatabase = exclusive
      ? null
      : `${new URL(saved.DATABASE_URL!).pathname.slice(1)}_crash_${process.pid}`;
    /** The database module on the test's own database (a fresh import: lib/env.ts reads it at import). */
    const own: { db?: typeof import("@/db/client") } = {};
    const switchTo = async (variable: "DATABASE_URL" | "PGLITE_DIR", value: string) => {
      process.env[variable] = value;
      vi.resetModules();
      own.db = await import("@/db/client");
      return own.db;
    };
    /** Reads the test's database; on PGlite opened only while no worker runs. */
    const withDb = async <T>(read: () => Promise<T>): Promise<T> => {
      await own.db?.getDb(); // the factories' getDb finds this handle
      try {
        return await read();
      } finally {
        if (exclusive) await own.db?.closeDb();
      }
    };
    try {
      if (ownDatabase) {
        await (await getDb()).execute(sql.raw(`create database "${ownDatabase}"`));
        await closeDb();
        const url = new URL(saved.DATABASE_URL!);
        url.pathname = `/${ownDatabase}`;
        const { runMigrations } = await import("@/db/migrate");
        await runMigrations(await (await switchTo("DATABASE_URL", url.toString())).getDbHandle());
      }
      const campaign = await createSendingCampaign({ recipients: RECIPIENTS });
      const idByEmail = new Map((await outboxRows(campaign.id)).map((row) => [row.email, row.id]));
      if (tmp) {
        const dir = path.join(tmp, "db");
        await copyPgliteTo(dir);
        await switchTo("PGLITE_DIR", dir);
      }
      const workerEnv: NodeJS.ProcessEnv = {
        ...process.env,
        SMTP_URL: smtp.url,
        CAMPAIGN_RATE_PER_MINUTE: "0",
        CAMPAIGN_CONCURRENCY: String(CONCURRENCY),
        CAMPAIGN_LEASE_SECONDS: "2",
      };

      const first = smtp.received.length;
      const received = () => smtp.received.slice(first);
      const kills: { received: number; inFlight: number }[] = [];
      const counted = new Map<string, number>();
      for (const fraction of KILL_AT) {
        const worker = startWorker(campaign.id, workerEnv);
        try {
          await waitFor(worker, () => smtp.received.length - first >= fraction * RECIPIENTS, 30_000);
        } finally {
          worker.child.kill("SIGKILL");
        }
        await worker.exited;
        await new Promise((resolve) => setTimeout(resolve, 100)); // the peer reads what was written
        // In flight: copies the SMTP server accepted whose row is not marked sent. These (and only these)
        // go out again. A copy already counted at an earlier kill (its row not yet claimed again) is not.
        const copies = copiesPerRecipient(received());
        let inFlight = 0;
        for (const row of await withDb(() => outboxRows(campaign.id))) {
          const fresh = (copies.get(row.email) ?? 0) - (counted.get(row.email) ?? 0);
          if (row.status === "sent" || fresh <= 0) continue;
          inFlight += fresh;
          counted.set(row.email, copies.get(row.email)!);
        }
        kills.push({ received: copies.size, inFlight });
      }
      const last = startWorker(campaign.id, workerEnv);
      expect(await last.exited, last.output()).toBe(0);
      expect(last.reports.at(-1)).toMatchObject({ event: "done" });

      // Every kill hit the campaign in progress, so the test cannot pass without crashes.
      expect(kills.every((kill) => kill.received < RECIPIENTS)).toBe(true);
      expect(kills.every((kill) => kill.inFlight <= CONCURRENCY)).toBe(true);
      const mails = received();
      const perRecipient = copiesPerRecipient(mails);
      expect(campaign.emails.filter((email) => !perRecipient.has(email))).toEqual([]);
      expect(perRecipient.size).toBe(RECIPIENTS);
      const duplicates = mails.length - RECIPIENTS;
      expect(duplicates).toBeLessThanOrEqual(kills.reduce((sum, kill) => sum + kill.inFlight, 0));
      // A repeat carries the same Message-ID as the first copy, so a receiver can drop it.
      const wrongIds = mails.filter(
        (mail) => mail.messageId !== expectedMessageId(idByEmail.get(mail.to) ?? ""),
      );
      expect(wrongIds).toEqual([]);

      const rows = await withDb(() => outboxRows(campaign.id));
      expect(rows.filter((row) => row.status !== "sent")).toEqual([]);
      expect(await withDb(() => campaignStatus(campaign.id))).toBe("sent");
      console.info(
        `${tmp ? "PGlite" : "PostgreSQL"}: killed at ${kills.map((k) => `${k.received} (${k.inFlight} in flight)`).join(", ")} ` +
          `of ${RECIPIENTS}; ${duplicates} duplicate(s); last worker ${JSON.stringify(last.reports.at(-1))}`,
      );
    } finally {
      await own.db?.closeDb();
      for (const [variable, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[variable];
        else process.env[variable] = value;
      }
      if (ownDatabase)
        await (await getDb()).execute(sql.raw(`drop database if exists "${ownDatabase}" with (force)`));
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
