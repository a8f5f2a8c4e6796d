/**
 * Campaign sending for `npm run bench` (target `campaign-send`): the real sender, in a worker process
 * of its own (tests/support/campaign-worker.ts) so its peak memory can be read, sends a campaign to an
 * SMTP sink in this process. Once without a rate limit (mails per second, the worker's peak RSS), and
 * once at a configured rate (how closely it is held).
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import path from "node:path";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";
import type { WorkerReport } from "../../tests/support/campaign-worker";

export const CAMPAIGN_SEND = "campaign-send";
const CONCURRENCY = 5; // CAMPAIGN_CONCURRENCY's default
const UNLIMITED_RECIPIENTS = 10_000;
const RATE_PER_MINUTE = 3000;
const RATE_SECONDS = 20;

export type CampaignSendRun = {
  recipients: number;
  /** Configured mails per minute; 0: no limit. */
  ratePerMinute: number;
  /** Messages the sink accepted (more than recipients would mean repeats). */
  received: number;
  /** The worker's send loop, from its first claim until the campaign was done. */
  sendMs: number;
  perSecond: number;
  /** Rate at the sink, first to last arrival. */
  arrivalPerMinute: number;
  /** arrivalPerMinute against the configured rate, in %; null without a limit. */
  deviationPercent: number | null;
  workerReadyRssMb: number;
  workerPeakRssMb: number;
};

export type CampaignSendResult = { concurrency: number; runs: CampaignSendRun[] };

type Sink = { url: string; count: number; first: number; last: number; close: () => Promise<void> };

/** Accepts every message, reading it without parsing; notes only when they arrive. */
async function startSink(): Promise<Sink> {
  const sink = { count: 0, first: 0, last: 0 };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"], // the built-in certificate has expired
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => {
        const now = performance.now();
        if (sink.count++ === 0) sink.first = now;
        sink.last = now;
        callback();
      });
    },
  });
  server.on("error", () => {}); // a client that goes away mid-session
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(sink, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

const BODY = `Hallo {{name|zusammen}},

am **Donnerstag** trifft sich das Netzwerk im Rathaus. Wir sprechen über
[Sprachkurse](https://example.org/sprachkurse), Wohnungssuche und die neue Beratungsstelle.

- Anmeldung bis Dienstag
- Kinderbetreuung vor Ort
- Dolmetschen: Arabisch, Ukrainisch

Viele Grüße
Das Koordinationsteam`;

async function createCampaign(sql: postgres.Sql, recipients: number): Promise<string> {
  const id = randomUUID();
  const audience = {
    members: false,
    roles: [],
    topics: [],
    languages: [],
    municipalities: [],
    organisationTypes: [],
    contacts: true,
  };
  const versions = { de: { subject: "Einladung zum Netzwerktreffen", body: BODY } };
  await sql`
    insert into campaigns (id, kind, title, status, audience, versions, started_at)
    values (${id}, 'broadcast', ${`Bench ${recipients}`}, 'sending', ${sql.json(audience)}, ${sql.json(versions)}, now())`;
  await sql`
    insert into campaign_deliveries (id, campaign_id, email, name, locale)
    select gen_random_uuid()::text, ${id}, 'empfaenger' || n || '-' || ${id.slice(0, 8)} || '@bench.example',
      'Empfänger ' || n, 'de'
    from generate_series(1, ${recipients}::int) n`;
  return id;
}

/** Runs the worker until the campaign is sent; the JSON lines it reported. */
function runWorker(campaignId: string, env: NodeJS.ProcessEnv): Promise<WorkerReport[]> {
  const script = path.join(process.cwd(), "tests/support/campaign-worker.ts");
  const child = spawn(process.execPath, ["--import", "tsx", script, campaignId], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), 10 * 60 * 1000);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`campaign worker exited ${code ?? signal}: ${stderr.trim()}`));
      else
        resolve(
          stdout
            .split("\n")
            .filter((line) => line.startsWith("{"))
            .map((line) => JSON.parse(line)),
        );
    });
  });
}

async function sendOnce(
  sql: postgres.Sql,
  databaseUrl: string,
  recipients: number,
  ratePerMinute: number,
): Promise<CampaignSendRun> {
  const campaignId = await createCampaign(sql, recipients);
  const sink = await startSink();
  try {
    const reports = await runWorker(campaignId, {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SMTP_URL: sink.url,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "knotenpunkt-bench-secret-0123456789",
      CAMPAIGN_RATE_PER_MINUTE: String(ratePerMinute),
      CAMPAIGN_CONCURRENCY: String(CONCURRENCY),
    });
    const ready = reports.find((line) => line.event === "ready");
    const done = reports.find((line) => line.event === "done");
    if (!ready || !done) throw new Error(`campaign worker reported ${JSON.stringify(reports)}`);
    const arrivalPerMinute = ((sink.count - 1) / (sink.last - sink.first)) * 60_000;
    return {
      recipients,
      ratePerMinute,
      received: sink.count,
      sendMs: done.sendMs,
      perSecond: (done.sent / done.sendMs) * 1000,
      arrivalPerMinute,
      deviationPercent: ratePerMinute > 0 ? (arrivalPerMinute / ratePerMinute - 1) * 100 : null,
      workerReadyRssMb: ready.rssMb,
      workerPeakRssMb: done.maxRssMb,
    };
  } finally {
    await sink.close();
  }
}

/** Both runs, on the (migrated) bench database. */
export async function benchCampaignSend(databaseUrl: string): Promise<CampaignSendResult> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const runs: CampaignSendRun[] = [];
    for (const [recipients, rate] of [
      [UNLIMITED_RECIPIENTS, 0],
      [(RATE_PER_MINUTE / 60) * RATE_SECONDS, RATE_PER_MINUTE],
    ] as const) {
      process.stdout.write(
        `Sending a campaign to ${recipients} recipients ${rate ? `at ${rate}/min` : "without a rate limit"} … `,
      );
      const run = await sendOnce(sql, databaseUrl, recipients, rate);
      runs.push(run);
      console.log(
        rate
          ? `${run.arrivalPerMinute.toFixed(0)}/min (${run.deviationPercent!.toFixed(1)} %)`
          : `${run.perSecond.toFixed(0)} mails/s`,
      );
    }
    return { concurrency: CONCURRENCY, runs };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const signed = (value: number, digits: number) =>
  `${value < 0 ? "−" : "+"}${Math.abs(value).toFixed(digits)}`;

export function formatCampaignSend(result: CampaignSendResult): string {
  const lines = [
    `campaign  the sender in its own process (PostgreSQL, ${result.concurrency} SMTP connections) ` +
      "to a sink in the bench process",
  ];
  for (const run of result.runs) {
    const repeats = run.received - run.recipients;
    const label = (run.ratePerMinute === 0 ? "no limit" : `${run.ratePerMinute}/min`).padEnd(10);
    const outcome =
      run.ratePerMinute === 0
        ? `${run.perSecond.toFixed(0)} mails/s (target ≥ 300)`
        : `${run.arrivalPerMinute.toFixed(0)}/min at the sink, ${signed(run.deviationPercent!, 1)} % (target within ±5 %)`;
    lines.push(
      `  ${label}${run.recipients} in ${(run.sendMs / 1000).toFixed(1)} s: ${outcome} · ` +
        `${run.received} received${repeats === 0 ? "" : ` (${signed(repeats, 0)})`} · ` +
        `worker RSS ${run.workerReadyRssMb} MB ready, ${run.workerPeakRssMb} MB peak`,
    );
  }
  return lines.join("\n");
}
