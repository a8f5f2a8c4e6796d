/**
 * Child process: sends one campaign with the real sender until nothing is left, in a process of its
 * own, so tests/integration/campaigns-crash.test.ts can SIGKILL it mid-send and `npm run bench` can
 * measure its peak memory. Run as `node --import tsx tests/support/campaign-worker.ts <campaignId>`
 * (not through the tsx binary: that is a wrapper process, and SIGKILL would not reach the sender).
 * The database (DATABASE_URL or PGLITE_DIR), SMTP_URL and CAMPAIGN_* come from the environment.
 * Prints one JSON line when the database is open and one when done.
 */

// The sender is server code marked `import "server-only"`, which throws outside React's server build:
// in this plain Node process it is an empty module (as in scripts/worker.ts).
const serverOnly = require.resolve("server-only");
require.cache[serverOnly] = {
  id: serverOnly,
  filename: serverOnly,
  loaded: true,
  exports: {},
} as NodeJS.Module;

export type WorkerReport =
  | { event: "ready"; pid: number; rssMb: number }
  | { event: "done"; pid: number; sent: number; sendMs: number; rssMb: number; maxRssMb: number };

const report = (line: WorkerReport) => process.stdout.write(`${JSON.stringify(line)}\n`);
const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(campaignId: string): Promise<void> {
  if (!campaignId) throw new Error("usage: campaign-worker.ts <campaignId>");
  const { closeDb, getDb } = await import("@/db/client");
  const { runCampaignSender } = await import("@/lib/campaigns/sender");
  await getDb();
  report({ event: "ready", pid: process.pid, rssMb: mb(process.memoryUsage().rss) });

  // A restarted process is a new sender: it waits for the killed one's leases to run out.
  const senderId = `campaign-worker-${process.pid}`;
  const started = performance.now();
  let sent = 0;
  for (;;) {
    const result = await runCampaignSender(campaignId, { senderId });
    sent += result.sent;
    if (result.state === "done" || result.state === "stopped") break;
    if (result.state === "busy") await sleep(100);
    if (result.state === "waiting") {
      await sleep(Math.min(1000, Math.max(20, (result.nextAt?.getTime() ?? Date.now() + 1000) - Date.now())));
    }
  }
  const sendMs = Math.round(performance.now() - started);
  report({
    event: "done",
    pid: process.pid,
    sent,
    sendMs,
    rssMb: mb(process.memoryUsage().rss),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10, // maxRSS is in KB
  });
  const pool = (globalThis as { __kpCampaignSmtp?: { transport: { close: () => void } } }).__kpCampaignSmtp;
  pool?.transport.close();
  await closeDb();
}

main(process.argv[2] ?? "").then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
