/**
 * Load generation with autocannon, plus the server-side numbers the report prints beside it.
 * autocannon 9 reports p50/p90/p97.5/p99 but no p95, so every response time is kept and the
 * percentiles are computed here from the raw samples (nearest rank).
 */
type AutocannonResult = {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: { average: number; total: number };
  throughput: { total: number };
  latency: { p50: number; p99: number };
  statusCodeStats: Record<string, { count: number }>;
};
type AutocannonInstance = {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};
type Autocannon = (
  options: { url: string; connections: number; duration: number; headers: Record<string, string> },
  callback: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

// The package ships no types (and @types/autocannon lags behind 9.x): the shape used is declared above.
const autocannon = require("autocannon") as Autocannon;

export type Measurement = {
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Mean response size (body and headers), in kB. */
  kbPerResponse: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function measure(
  url: string,
  connections: number,
  duration: number,
  headers: Record<string, string>,
): Promise<Measurement> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration, headers }, (error, result) => {
      if (error) return reject(error);
      times.sort((a, b) => a - b);
      const statusCodes: Record<string, number> = {};
      for (const [code, stat] of Object.entries(result.statusCodeStats)) statusCodes[code] = stat.count;
      resolve({
        connections,
        seconds: result.duration,
        requests: result.requests.total,
        reqPerSec: result.requests.total / result.duration,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        p99: percentile(times, 99),
        max: times.at(-1) ?? Number.NaN,
        kbPerResponse: result.requests.total ? result.throughput.total / result.requests.total / 1024 : 0,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
        statusCodes,
      });
    });
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
}

export type WarmUp = { statuses: Record<string, number>; ok: boolean; location: string | null };

/** Sequential requests that warm the route's code and caches; any non-2xx answer marks it failed. */
export async function warmUp(url: string, headers: Record<string, string>, count = 50): Promise<WarmUp> {
  const statuses: Record<string, number> = {};
  let location: string | null = null;
  for (let i = 0; i < count; i++) {
    const status = await fetch(url, { headers, redirect: "manual" }).then(
      async (response) => {
        await response.arrayBuffer();
        location ??= response.headers.get("location");
        return String(response.status);
      },
      () => "no answer",
    );
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  const ok = Object.keys(statuses).every((status) => /^2\d\d$/.test(status));
  return { statuses, ok, location };
}

export async function waitForServer(base: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // /api/health is the real readiness probe; the bare route stands in while health does not exist.
    for (const path of ["/api/health", "/bench/bare"]) {
      const status = await fetch(base + path, { redirect: "manual" }).then(
        (response) => response.arrayBuffer().then(() => response.status),
        () => 0,
      );
      if (status === 200) return path;
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The server at ${base} did not answer 200 on /api/health within ${timeoutMs / 1000} s`);
}
