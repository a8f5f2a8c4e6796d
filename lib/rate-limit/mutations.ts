import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { AppError } from "@/lib/errors";

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one attempt for `key` in a fixed window kept in the database, so every app instance
 * shares the same counters.
 */
export async function hitRateLimit(input: {
  key: string;
  limit: number;
  windowSeconds: number;
}): Promise<RateLimitResult> {
  const db = await getDb();
  const window = `${input.windowSeconds} seconds`;
  const result = await db.execute(sql`
    insert into rate_limits (key, window_start, count) values (${input.key}, now(), 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start <= now() - ${window}::interval then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= now() - ${window}::interval then now() else rate_limits.window_start end
    returning count, extract(epoch from (window_start + ${window}::interval - now()))::int as retry_after`);
  const row = rowsOf<{ count: number; retry_after: number }>(result)[0]!;
  return { allowed: row.count <= input.limit, retryAfterSeconds: Math.max(1, row.retry_after) };
}

/** Checks every key; all are counted, the strictest answer wins. */
export async function hitRateLimits(
  checks: { key: string; limit: number; windowSeconds: number }[],
): Promise<RateLimitResult> {
  const results = await Promise.all(checks.map(hitRateLimit));
  const refused = results.filter((r) => !r.allowed);
  if (refused.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(...refused.map((r) => r.retryAfterSeconds)) };
}

/**
 * Counts the attempt (hitRateLimits); at a limit, throws the error a form shows above its fields with
 * what was typed kept: "tooManyRequests", with the whole minutes to wait.
 */
export async function enforceRateLimits(
  checks: { key: string; limit: number; windowSeconds: number }[],
): Promise<void> {
  const limit = await hitRateLimits(checks);
  if (limit.allowed) return;
  throw new AppError({
    code: "rate_limited",
    message: "tooManyRequests",
    values: { minutes: Math.max(1, Math.ceil(limit.retryAfterSeconds / 60)) },
  });
}
