/**
 * Pages measured by `npm run bench`. Append a line for every page an issue sets a target for;
 * `as` picks the session cookie sent with each request (visitor sends none).
 */
import { benchMemberId, benchOrganisationSlug } from "./generate";

export type BenchRole = "visitor" | "member" | "coordinator";
export type BenchTarget = { name: string; path: string; as: BenchRole };

/** The floor: a dynamic page under the root layout that does nothing. Always measured first. */
export const BARE_TARGET: BenchTarget = { name: "bare", path: "/bench/bare", as: "visitor" };

/** Müller is among the surnames the generator draws twice as often; the filters narrow it to a few. */
const DIRECTORY_SEARCH = `q=${encodeURIComponent("Müller")}&topic=housing&language=ar`;

export const TARGETS: BenchTarget[] = [
  BARE_TARGET,
  { name: "landing", path: "/", as: "visitor" },
  { name: "health", path: "/api/health", as: "visitor" },
  { name: "signup-form", path: "/signup", as: "visitor" },
  { name: "signup-queue", path: "/admin/signups", as: "coordinator" },
  { name: "directory", path: `/members?${DIRECTORY_SEARCH}`, as: "member" },
  { name: "directory-browse", path: "/members", as: "member" },
  // member 2, not 1: the bench member viewing its own profile would skip the visibility rules
  { name: "profile", path: `/members/${benchMemberId(2)}`, as: "member" },
  { name: "organisations", path: "/organisations", as: "visitor" },
  { name: "organisation", path: `/organisations/${benchOrganisationSlug(1)}`, as: "visitor" },
];
