import "server-only";
import type PgBoss from "pg-boss";
import { getDbHandle } from "@/db/client";
import { jobsDbFor, oneAtATime } from "./sql";

export type BossRole = "client" | "worker";

type Holder = {
  __kpBoss?: Partial<Record<BossRole, Promise<PgBoss>>>;
  __kpJobsSchema?: string;
  __kpQueues?: Map<string, Promise<void>>;
};
const holder = globalThis as unknown as Holder;

/** pg-boss keeps its tables in this schema. Tests on a shared PostgreSQL database use one per file. */
export const jobsSchema = (): string => holder.__kpJobsSchema ?? "pgboss";

/** Test support only: must run before the first job is sent. */
export function setJobsSchema(schema: string): void {
  holder.__kpJobsSchema = schema;
}

/** Retries: 30 s, 1 min, 2 min, … (pg-boss's exponential backoff with jitter), about 4 hours in all. */
export const JOB_DEFAULTS = {
  retryLimit: 8,
  retryDelay: 30,
  retryBackoff: true,
  // A job whose worker died (crash, restart) counts as failed after this long and is retried.
  expireInSeconds: 10 * 60,
  retentionMinutes: 7 * 24 * 60,
} as const;

/** pg-boss's schema work for this process's schema, one at a time (lib/jobs/sql.ts). */
const inTurn = <T>(work: () => Promise<T>): Promise<T> =>
  getDbHandle().then((handle) => oneAtATime(handle, jobsSchema(), work));

async function create(role: BossRole): Promise<PgBoss> {
  const { default: PgBossClass } = await import("pg-boss");
  const handle = await getDbHandle();
  const worker = role === "worker";
  const boss = new PgBossClass({
    db: jobsDbFor(handle),
    schema: jobsSchema(),
    migrate: true,
    // Only a worker maintains the queues (expiry, retention) and fires schedules.
    supervise: worker,
    schedule: worker,
  } as ConstructorParameters<typeof PgBossClass>[0]);
  boss.on("error", (error: unknown) => console.error("[jobs]", error));
  await inTurn(() => boss.start());
  return boss;
}

/**
 * One pg-boss per role and process, on the app's own database connection. The "client" only
 * enqueues; the "worker" also fetches jobs, maintains queues and runs schedules.
 */
export function getBoss(role: BossRole = "client"): Promise<PgBoss> {
  holder.__kpBoss ??= {};
  const bosses = holder.__kpBoss;
  bosses[role] ??= create(role).catch((error: unknown) => {
    bosses[role] = undefined;
    throw error;
  });
  return bosses[role] as Promise<PgBoss>;
}

/** pg-boss 10 needs a queue before its first job; creating one is idempotent. */
export async function ensureQueue(boss: PgBoss, name: string): Promise<void> {
  holder.__kpQueues ??= new Map();
  const key = `${jobsSchema()}:${name}`;
  let pending = holder.__kpQueues.get(key);
  if (!pending) {
    pending = inTurn(() =>
      boss.createQueue(name, {
        name,
        policy: "standard",
        retryLimit: JOB_DEFAULTS.retryLimit,
        retryDelay: JOB_DEFAULTS.retryDelay,
        retryBackoff: JOB_DEFAULTS.retryBackoff,
        expireInSeconds: JOB_DEFAULTS.expireInSeconds,
        retentionMinutes: JOB_DEFAULTS.retentionMinutes,
      }),
    ).catch((error: unknown) => {
      holder.__kpQueues?.delete(key);
      throw error;
    });
    holder.__kpQueues.set(key, pending);
  }
  await pending;
}

/** Stops the bosses of this process (worker first, letting running jobs finish). */
export async function stopBosses(options: { graceful?: boolean; timeout?: number } = {}): Promise<void> {
  const bosses = holder.__kpBoss;
  holder.__kpBoss = undefined;
  holder.__kpQueues = undefined;
  if (!bosses) return;
  for (const role of ["worker", "client"] as const) {
    const pending = bosses[role];
    if (!pending) continue;
    const boss = await pending.catch(() => null);
    await boss?.stop({ graceful: options.graceful ?? true, timeout: options.timeout ?? 10_000, wait: true });
  }
}
