import "server-only";
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { events, organisationAdmins, users, workingGroupMembers } from "@/db/schema";
import { adminWorksThere } from "@/lib/organisations/works-at";

/** Who is looking, as far as events care: approved members, coordinators, or a visitor (null). */
export type EventViewer = { id: string; coordinator: boolean } | null;

export const toEventViewer = (viewer: { id: string; status: string; role: string } | null): EventViewer =>
  viewer?.status === "approved"
    ? { id: viewer.id, coordinator: viewer.role === "coordinator" || viewer.role === "admin" }
    : null;

/**
 * Events the viewer may see: public ones for everyone; members-only for approved members;
 * working-group events for the group's members, the people who run the event, and coordinators.
 */
export function visibleEvents(viewer: EventViewer): SQL {
  if (!viewer) return eq(events.visibility, "public");
  if (viewer.coordinator) return sql`true`;
  return or(
    sql`${events.visibility} <> 'group'`,
    eq(events.createdById, viewer.id),
    eq(events.organiserUserId, viewer.id),
    sql`exists (select 1 from ${workingGroupMembers} where ${workingGroupMembers.groupId} = ${events.groupId} and ${workingGroupMembers.userId} = ${viewer.id})`,
    sql`exists (select 1 from ${organisationAdmins} where ${organisationAdmins.organisationId} = ${events.organiserOrganisationId} and ${organisationAdmins.userId} = ${viewer.id} and ${adminWorksThere})`,
  )!;
}

/** Organisations whose events the viewer may run: all for coordinators, else those they administer and work at. */
export async function organisationsRunBy(db: Executor, viewer: EventViewer): Promise<string[] | "all"> {
  if (!viewer) return [];
  if (viewer.coordinator) return "all";
  const rows = await db
    .select({ id: organisationAdmins.organisationId })
    .from(organisationAdmins)
    .innerJoin(users, eq(users.id, organisationAdmins.userId))
    .where(and(eq(organisationAdmins.userId, viewer.id), eq(users.status, "approved"), adminWorksThere));
  return rows.map((r) => r.id);
}

/** Coordinators and organisation admins create events. */
export async function mayCreateEvents(db: Executor, viewer: EventViewer): Promise<boolean> {
  const orgs = await organisationsRunBy(db, viewer);
  return orgs === "all" || orgs.length > 0;
}

/** Coordinators; whoever created it; admins of the organising organisation. */
export async function mayEditEvent(
  db: Executor,
  viewer: EventViewer,
  event: { createdById: string | null; organiserOrganisationId: string | null },
): Promise<boolean> {
  if (!viewer) return false;
  if (viewer.coordinator) return true;
  const orgs = await organisationsRunBy(db, viewer);
  if (orgs !== "all" && orgs.length === 0) return false;
  if (event.createdById === viewer.id) return true;
  return Boolean(
    event.organiserOrganisationId && orgs !== "all" && orgs.includes(event.organiserOrganisationId),
  );
}
