import { z } from "zod";

const DEMO_SECRET = "knotenpunkt-demo-secret-change-me-in-production";

const Env = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Where the server listens; the page cache renders its pages through this port (lib/page-cache/render.ts). */
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOSTNAME: z.string().optional(),
    DATABASE_URL: z.string().url().optional(),
    /**
     * PostgreSQL connections per process. Few: a query that finds them all busy is pipelined onto one
     * (one write, one wake-up of the server process), which costs both sides less than another connection.
     */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(4),
    /** Folder of the embedded PGlite database; "memory://" keeps it in memory (tests). */
    PGLITE_DIR: z.string().default("./.data/pglite"),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default("Knotenpunkt <noreply@knotenpunkt.localhost>"),
    AUTH_SECRET: z.string().min(16).default(DEMO_SECRET),
    /** Public base URL used in e-mail links. */
    APP_URL: z.string().url().default("http://localhost:3000"),
    /** Attempts per 15 minutes (sign-in) and per hour (sign-up). */
    RATE_LIMIT_SIGNIN_PER_IP: z.coerce.number().int().positive().default(30),
    RATE_LIMIT_SIGNIN_PER_ADDRESS: z.coerce.number().int().positive().default(5),
    RATE_LIMIT_SIGNUP_PER_IP: z.coerce.number().int().positive().default(10),
    RATE_LIMIT_SIGNUP_PER_ADDRESS: z.coerce.number().int().positive().default(3),
    BENCH_ROUTES: z.enum(["0", "1"]).default("0"),
    /**
     * "0": the web process runs no job worker (PostgreSQL only: run `npm run worker` instead).
     * With PGlite the worker always runs inside the web process.
     */
    JOBS_IN_PROCESS: z.enum(["0", "1"]).default("1"),
    /** Web server processes (scripts/serve.ts); see webProcessCount. */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    /** Seconds an immediate notification mail waits, so a burst (several messages) becomes one mail. */
    NOTIFY_MAIL_DELAY_SECONDS: z.coerce.number().int().min(0).max(3600).default(90),
    /** Mails per minute of one campaign, however many workers run (what the provider allows); 0: no limit. */
    CAMPAIGN_RATE_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(0),
    /** Campaign mails sent at once (SMTP connections of the sender's pool). */
    CAMPAIGN_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(5),
    /** A sender that died gives up its claimed mails (and its campaign) after this long. */
    CAMPAIGN_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  })
  // Mail leaving the machine means a real deployment: it must not sign tokens with the public demo secret.
  .refine((e) => !e.SMTP_URL || e.AUTH_SECRET !== DEMO_SECRET, {
    path: ["AUTH_SECRET"],
    message: "Set AUTH_SECRET (at least 16 random characters) when SMTP_URL is set.",
  });

export type Env = z.infer<typeof Env>;

/** Validates an environment; empty variables count as unset. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const source = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ""));
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv(process.env);

/**
 * How many web processes scripts/serve.ts runs: WEB_CONCURRENCY, else one per core (at most four) on
 * PostgreSQL, so Node's one thread per process is not the limit of a multi-core server. PGlite's
 * folder may be opened by one process only, so it always gets one.
 */
export function webProcessCount(e: Pick<Env, "DATABASE_URL" | "WEB_CONCURRENCY">, cores: number): number {
  if (!e.DATABASE_URL) return 1;
  return e.WEB_CONCURRENCY ?? Math.max(1, Math.min(cores, 4));
}

/** Without SMTP_URL mails go to the local outbox at /dev/mailbox. */
export const isDemoMode = (): boolean => !env.SMTP_URL;
