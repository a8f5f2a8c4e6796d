import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { type Database, getDb } from "@/db/client";
import { type Role, sessions, type UserStatus, users } from "@/db/schema";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { policyConsentNeeded } from "@/lib/privacy/data";
import { loginHref, REQUEST_PATH_HEADER, safeNextPath } from "./next-path";

export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export type Viewer = {
  id: string;
  name: string | null;
  email: string;
  role: Role;
  status: UserStatus;
  locale: Locale;
  /** Must accept the current privacy policy before using member pages (see requireUser). */
  needsConsent: boolean;
};

const ROLE_RANK: Record<Role, number> = { member: 0, coordinator: 1, admin: 2 };
export const hasRole = (viewer: Pick<Viewer, "role">, role: Role) =>
  ROLE_RANK[viewer.role] >= ROLE_RANK[role];

// Built once per database handle: the SQL (with the policy check) is the same for every request.
const viewerQueries = new WeakMap<Database, ReturnType<typeof prepareViewerQuery>>();
const prepareViewerQuery = (db: Database) =>
  db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      locale: users.locale,
      needsConsent: policyConsentNeeded(users.id),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, sql.placeholder("token")), gt(sessions.expires, sql`now()`)))
    .limit(1)
    .prepare("viewer_by_session");

/**
 * Looks the session up in the database on every request, so blocking or signing out takes effect at
 * once; the privacy policy check comes along in the same query.
 */
export async function getViewerBySessionToken(token: string): Promise<Viewer | null> {
  const db = await getDb();
  let query = viewerQueries.get(db);
  if (!query) {
    query = prepareViewerQuery(db);
    viewerQueries.set(db, query);
  }
  const [row] = await query.execute({ token });
  if (!row || row.status === "blocked" || row.status === "rejected") return null;
  return { ...row, locale: isLocale(row.locale) ? row.locale : "de" };
}

/** The signed-in person (applicant or member), or null for a visitor. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  return token ? getViewerBySessionToken(token) : null;
});

/** The same for a route handler, from the request's Cookie header (testable without a request scope). */
export async function getViewerFromRequest(request: Request): Promise<Viewer | null> {
  const pairs = (request.headers.get("cookie") ?? "").split(";").map((part) => part.trim().split("="));
  const jar = new Map(pairs.map(([name = "", ...value]) => [name, value.join("=")]));
  const token = SESSION_COOKIES.map((name) => jar.get(name)).find(Boolean);
  return token ? getViewerBySessionToken(token) : null;
}

/** The page asked for, path and query, as proxy.ts names it for server components; null if none. */
export async function getRequestPath(): Promise<string | null> {
  return (await headers()).get(REQUEST_PATH_HEADER);
}

/** The login link for a visitor on this page: signing in brings them back to it (lib/auth/next-path.ts). */
export async function getLoginHref(): Promise<string> {
  return loginHref(await getRequestPath());
}

/** Sends a visitor to the login, which brings them back to the page asked for. */
export async function redirectToLogin(): Promise<never> {
  redirect(await getLoginHref());
}

/** The page asking to accept a new privacy policy version, which returns to `path` after it. */
export function consentHref(path: unknown): string {
  const next = safeNextPath(path);
  return next ? `/settings/privacy/accept?${new URLSearchParams({ next })}` : "/settings/privacy/accept";
}

/** Sends a member who has not accepted the current privacy policy to accept it, then back to this page. */
export async function redirectToConsent(): Promise<never> {
  redirect(consentHref(await getRequestPath()));
}

/**
 * An approved member; visitors go to the login (and come back here after it), applicants to their
 * application status, members who have not accepted a new privacy policy version to the page that
 * asks them to.
 */
export async function requireUser(options: { skipConsent?: boolean } = {}): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) return redirectToLogin();
  if (viewer.status !== "approved") redirect("/application");
  if (!options.skipConsent && viewer.needsConsent) return redirectToConsent();
  return viewer;
}

/** An approved member with at least this role; anyone else sees "not found". */
export async function requireRole(role: Role): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer?.status !== "approved" || !hasRole(viewer, role)) notFound();
  return viewer;
}
