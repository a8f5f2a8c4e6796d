/**
 * Pages measured by `npm run bench`. Append a line for every page an issue sets a target for;
 * `as` picks the session cookie sent with each request (visitor sends none).
 */
export type BenchRole = "visitor" | "member" | "coordinator";
export type BenchTarget = { name: string; path: string; as: BenchRole };

/** The floor: a dynamic page under the root layout that does nothing. Always measured first. */
export const BARE_TARGET: BenchTarget = { name: "bare", path: "/bench/bare", as: "visitor" };

export const TARGETS: BenchTarget[] = [
  BARE_TARGET,
  { name: "landing", path: "/", as: "visitor" },
  { name: "health", path: "/api/health", as: "visitor" },
  { name: "signup-form", path: "/signup", as: "visitor" },
  { name: "signup-queue", path: "/admin/signups", as: "coordinator" },
];
