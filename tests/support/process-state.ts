// What the app keeps per process rather than per module: lib/ keeps it on globalThis so that Next's
// separate bundles share it (lib/jobs/boss.ts, lib/mail/transport.ts, lib/page-cache/state.ts, …).
// Integration test files that share their worker's modules (vitest.config.ts) would share it too:
// setup.ts gives each file its own and stops and forgets it when the file is done.

const KEYS = [
  "__kpBoss",
  "__kpQueues",
  "__kpJobsSchema",
  "__kpJobsSchemaTurn",
  "__kpWorker",
  "__knotenpunktSmtp",
  "__kpCampaignSmtp",
  "__knotenpunktPageCache",
] as const;
const state = globalThis as Partial<Record<(typeof KEYS)[number], unknown>> & {
  __kpJobsSchema?: string;
  __knotenpunktSmtp?: { close(): void };
  __kpCampaignSmtp?: { transport: { close(): void } };
};

/**
 * On PostgreSQL the files share one database: each gets a pg-boss schema of its own, so a file
 * never runs another file's jobs. (PGlite files each have their own in-memory database anyway.)
 */
export async function giveFileItsJobsSchema(): Promise<void> {
  if (!process.env.DATABASE_URL) return;
  const { setJobsSchema } = await import("@/lib/jobs/boss");
  setJobsSchema(`pgboss_t${process.pid}_${crypto.randomUUID().slice(0, 8)}`);
}

/** Stops the file's job bosses, drops its pg-boss schema, closes its SMTP pools and forgets the rest. */
export async function releaseProcessState(): Promise<void> {
  if (state.__kpBoss) {
    const [{ flushDeferredJobs }, { stopBosses }] = await Promise.all([
      import("@/lib/jobs/queue"),
      import("@/lib/jobs/boss"),
    ]);
    await flushDeferredJobs();
    await stopBosses({ graceful: false, timeout: 1000 });
  }
  if (state.__kpJobsSchemaTurn && process.env.DATABASE_URL && state.__kpJobsSchema) {
    const [{ getDbHandle }, { jobsDbFor }] = await Promise.all([
      import("@/db/client"),
      import("@/lib/jobs/sql"),
    ]);
    await jobsDbFor(await getDbHandle()).executeSql(`DROP SCHEMA IF EXISTS ${state.__kpJobsSchema} CASCADE`);
  }
  state.__knotenpunktSmtp?.close();
  state.__kpCampaignSmtp?.transport.close();
  for (const key of KEYS) delete state[key];
}
