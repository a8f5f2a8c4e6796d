/**
 * `npm run bench [-- --members 10000 --duration 10 --port 3199 --only landing,health --keep-db --no-build]`
 *
 * Builds, fills a fresh PostgreSQL database with a generated network, starts the server (scripts/serve.ts) on it and
 * measures each target in scripts/bench/targets.ts with autocannon at 1 and 10 connections, beside
 * the bare dynamic route of the same build measured in the same run. Before that it sends campaigns
 * (scripts/bench/campaign-send.ts); `--only campaign-send` does just that, without build or server.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { benchCampaignSend, CAMPAIGN_SEND, formatCampaignSend } from "./bench/campaign-send";
import { createSessions, generateData } from "./bench/generate";
import { generateEvents } from "./bench/generate-events";
import { generateFaq } from "./bench/generate-faq";
import { generateForum } from "./bench/generate-forum";
import { generateMessages } from "./bench/generate-messages";
import { measure, waitForServer, warmUp } from "./bench/measure";
import { cpuSnapshot, otherCpuPercent, treeRssMb } from "./bench/proc";
import {
  type BenchReport,
  formatReport,
  percentOfBare,
  type TargetResult,
  writeReportJson,
} from "./bench/report";
import { BARE_TARGET, type BenchRole, type BenchTarget, TARGETS } from "./bench/targets";
import { SERVE_ARGS } from "./serve-command";

const CONNECTIONS = [1, 10];
const SERVER_LOG = ".data/bench/server.log";
const nextBin = require.resolve("next/dist/bin/next");

function readOptions() {
  const { values } = parseArgs({
    options: {
      members: { type: "string", default: "10000" },
      duration: { type: "string", default: "10" },
      port: { type: "string", default: "3199" },
      only: { type: "string" },
      "keep-db": { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      "pg-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432" },
    },
  });
  const number = (name: string, value: string) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} wants a positive integer`);
    return parsed;
  };
  const only = values.only?.split(",").map((name) => name.trim()) ?? null;
  const known = [...TARGETS.map((t) => t.name), CAMPAIGN_SEND];
  const unknown = only?.filter((name) => !known.includes(name)) ?? [];
  if (unknown.length > 0) throw new Error(`Unknown target ${unknown.join(", ")}; known: ${known.join(", ")}`);
  return {
    members: number("members", values.members),
    duration: number("duration", values.duration),
    port: number("port", values.port),
    targets: TARGETS.filter((t) => t !== BARE_TARGET && (!only || only.includes(t.name))),
    /** HTTP targets (build, data, server); off when only campaign-send is asked for. */
    http: !only || only.some((name) => name !== CAMPAIGN_SEND),
    campaignSend: !only || only.includes(CAMPAIGN_SEND),
    keepDb: values["keep-db"],
    build: !values["no-build"],
    pgUrl: values["pg-url"].replace(/\/+$/, ""),
  };
}

/** Undo steps run last-in first-out, once, on success, error and Ctrl-C alike. */
const cleanups: (() => Promise<unknown> | unknown)[] = [];
async function cleanUp() {
  for (let step = cleanups.pop(); step; step = cleanups.pop()) {
    await Promise.resolve()
      .then(step)
      .catch((error: unknown) => console.error("cleanup:", error instanceof Error ? error.message : error));
  }
}

/** next.config.ts builds into NEXT_DIST_DIR when set, so several checkouts can bench side by side. */
const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";

function build() {
  console.log("Building (next build) …");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
}

async function createDatabase(pgUrl: string, keepDb: boolean) {
  const name = `knotenpunkt_bench_${process.pid}`;
  const admin = postgres(`${pgUrl}/postgres`, { max: 1, onnotice: () => {} });
  await admin`drop database if exists ${admin(name)} with (force)`;
  await admin`create database ${admin(name)}`;
  cleanups.push(async () => {
    if (keepDb) console.log(`Kept database ${name}: ${pgUrl}/${name}`);
    else await admin`drop database if exists ${admin(name)} with (force)`;
    await admin.end({ timeout: 5 });
  });
  return `${pgUrl}/${name}`;
}

async function migrate(databaseUrl: string) {
  // lib/env reads the environment once, when first imported: set it before the dynamic imports.
  process.env.DATABASE_URL = databaseUrl;
  const { closeDb, getDbHandle } = await import("@/db/client");
  const { runMigrations } = await import("@/db/migrate");
  await runMigrations(await getDbHandle());
  await closeDb();
}

async function startServer(port: number, databaseUrl: string): Promise<ChildProcess> {
  const base = `http://localhost:${port}`;
  const busy = await fetch(base).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`Something already answers on port ${port}; pick another with --port`);
  mkdirSync(".data/bench", { recursive: true });
  const log = createWriteStream(SERVER_LOG);
  const server = spawn(process.execPath, SERVE_ARGS, {
    detached: true, // its own process group, so the whole tree can be stopped
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      BENCH_ROUTES: "1",
      NODE_ENV: "production",
      APP_URL: base,
      AUTH_TRUST_HOST: "true",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "knotenpunkt-bench-secret-0123456789",
      // never contacted during the bench; only switches demo mode (dev outbox) off
      SMTP_URL: "smtp://127.0.0.1:9",
    },
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const exited = new Promise<void>((done) => server.once("exit", () => done()));
  cleanups.push(async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    process.kill(-server.pid!, "SIGTERM");
    const timer = setTimeout(() => process.kill(-server.pid!, "SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  });
  return server;
}

/**
 * A database as it is after a while in production: vacuumed (visibility map set, so index-only scans
 * work; hint bits written) and checkpointed, so the first targets do not pay for the bulk load's
 * cleanup. Autovacuum may be off on the bench machine, and would otherwise run during the
 * measurements anyway.
 */
async function settle(sql: postgres.Sql) {
  const started = performance.now();
  await sql.unsafe("vacuum (analyze)");
  await sql.unsafe("checkpoint");
  console.log(`Vacuumed and checkpointed in ${Math.round(performance.now() - started)} ms`);
}

function cookieFor(
  as: BenchRole,
  sessions: Record<Exclude<BenchRole, "visitor">, string>,
): Record<string, string> {
  return as === "visitor" ? {} : { cookie: `authjs.session-token=${sessions[as]}` };
}

async function main() {
  const options = readOptions();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: cleaning up …`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  if (options.http && options.build) build();
  if (options.http && !existsSync(`${DIST_DIR}/BUILD_ID`)) {
    throw new Error(`No build in ${DIST_DIR}: run without --no-build`);
  }

  const databaseUrl = await createDatabase(options.pgUrl, options.keepDb);
  console.log(`Database ${databaseUrl}: migrating …`);
  await migrate(databaseUrl);
  const campaignSend = options.campaignSend ? await benchCampaignSend(databaseUrl) : undefined;
  if (!options.http) {
    console.log(`\n${formatCampaignSend(campaignSend!)}`);
    return;
  }
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  cleanups.push(() => sql.end({ timeout: 5 }));
  console.log(`Generating ${options.members} members …`);
  const dataset = await generateData(sql, options.members);
  const sessions = await createSessions(sql);
  const eventsData = await generateEvents(sql, options.members);
  const faqData = await generateFaq(sql);
  const forumData = await generateForum(sql, options.members);
  const messagesData = await generateMessages(sql, options.members);
  console.log(
    `Generated ${messagesData.conversations} conversations with ${messagesData.messages} messages in ${messagesData.ms} ms`,
  );
  console.log(
    `Generated ${forumData.threads} forum threads with ${forumData.posts} posts in ${forumData.ms} ms`,
  );
  console.log(`Generated ${faqData.entries} FAQ entries and one video`);
  console.log(
    `Generated 5,000 events with ${eventsData.occurrences} dates and their answers in ${eventsData.ms} ms`,
  );
  console.log(
    `Generated ${dataset.members} members, ${dataset.organisations} organisations and ` +
      `${dataset.pendingApplications} pending applications in ${dataset.ms} ms`,
  );
  await settle(sql);

  const base = `http://localhost:${options.port}`;
  const server = await startServer(options.port, databaseUrl);
  const readyVia = await waitForServer(base, 60_000).catch((error: Error) => {
    throw new Error(`${error.message} (server log: ${SERVER_LOG})`);
  });
  const rssStart = treeRssMb(server.pid!);
  console.log(`Server up at ${base} (ready via ${readyVia}), RSS ${rssStart.mb} MB`);

  const planned = [BARE_TARGET, ...options.targets];
  const results: TargetResult[] = planned.map((target) => ({ ...target, runs: [] }));
  for (const result of results) {
    const warm = await warmUp(base + result.path, cookieFor(result.as, sessions));
    if (warm.ok) continue;
    const seen = Object.entries(warm.statuses).map(([status, count]) => `${status} ×${count}`);
    result.error = `warm-up answered ${seen.join(", ")}${warm.location ? ` (→ ${warm.location})` : ""}`;
  }
  if (results[0]!.error) {
    throw new Error(`The bare route ${BARE_TARGET.path} ${results[0]!.error}: is it in this build?`);
  }
  // 50 sequential requests leave the JIT cold; a discarded burst at full load evens out the runs.
  // The bare route, measured first and every target's yardstick, is warmed last and longest.
  const top = CONNECTIONS.at(-1)!;
  console.log(`Warming up at ${top} connections …`);
  for (const result of results.filter((candidate) => !candidate.error).reverse()) {
    await measure(base + result.path, top, result === results[0] ? 5 : 3, cookieFor(result.as, sessions));
  }
  const rssWarm = treeRssMb(server.pid!);

  const bareEnd: BenchTarget = { ...BARE_TARGET, name: "bare (end)" };
  results.push({ ...bareEnd, runs: [] });
  for (const result of results) {
    if (result.error) continue;
    for (const connections of CONNECTIONS) {
      process.stdout.write(`Measuring ${result.name} at ${connections} connection(s) … `);
      try {
        const before = cpuSnapshot();
        const run = await measure(
          base + result.path,
          connections,
          options.duration,
          cookieFor(result.as, sessions),
        );
        const otherCpu = otherCpuPercent(before, cpuSnapshot());
        result.runs.push({ ...run, percentOfBare: null, otherCpu });
        console.log(`${run.reqPerSec.toFixed(0)} req/s, p95 ${run.p95.toFixed(1)} ms`);
      } catch (error) {
        result.error = `load run failed: ${error instanceof Error ? error.message : error}`;
        console.log(result.error);
        break;
      }
    }
  }
  const rssEnd = treeRssMb(server.pid!);
  for (const run of results.flatMap((result) => result.runs))
    run.percentOfBare = percentOfBare(run, [results[0], results.at(-1)]);

  const cpus = os.cpus();
  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? "unknown",
      memoryGb: Math.round(os.totalmem() / 1e8) / 10,
      node: process.versions.node,
      platform: `${os.platform()} ${os.release()}`,
    },
    dataset: {
      members: dataset.members,
      organisations: dataset.organisations,
      pendingApplications: dataset.pendingApplications,
      generationMs: dataset.ms,
    },
    build: {
      buildId: readFileSync(`${DIST_DIR}/BUILD_ID`, "utf8").trim(),
      next: (JSON.parse(readFileSync(require.resolve("next/package.json"), "utf8")) as { version: string })
        .version,
      builtThisRun: options.build,
    },
    server: {
      readyVia,
      rssStartMb: rssStart.mb,
      rssWarmMb: rssWarm.mb,
      rssEndMb: rssEnd.mb,
      processes: rssEnd.processes,
    },
    secondsPerRun: options.duration,
    connections: CONNECTIONS,
    results,
    campaignSend,
  };
  console.log(formatReport(report));
  console.log(`\nWritten to ${writeReportJson(report)}`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanUp();
    process.exit(); // autocannon and fetch may keep sockets alive
  });
