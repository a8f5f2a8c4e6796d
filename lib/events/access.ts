import "server-only";
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
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
  return visibleToMember(viewer.id);
}

/** What an approved member who is not a coordinator sees: the member by id, or a column of ids. */
const visibleToMember = (memberId: string | AnyPgColumn): SQL =>
  or(
    sql`${events.visibility} <> 'group'`,
    eq(events.createdById, memberId),
    eq(events.organiserUserId, memberId),
    sql`exists (select 1 from ${workingGroupMembers} where ${workingGroupMembers.groupId} = ${events.groupId} and ${workingGroupMembers.userId} = ${memberId})`,
    sql`exists (select 1 from ${organisationAdmins} where ${organisationAdmins.organisationId} = ${events.organiserOrganisationId} and ${organisationAdmins.userId} = ${memberId} and ${adminWorksThere})`,
  )!;

/**
 * Of these people, those who may see the event now, as visibleEvents has it for each: a mail about
 * it (a reminder, a seat, a cancellation) goes to them only, not to someone who answered before the
 * event became a working group's or who left the group since. One query.
 */
export async function peopleWhoSeeEvent(
  db: Executor,
  eventId: string,
  userIds: string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(events, eq(events.id, eventId))
    .where(
      and(
        inArray(users.id, userIds),
        eq(users.status, "approved"),
        or(inArray(users.role, ["coordinator", "admin"]), visibleToMember(users.id)),
      ),
    );
  return new Set(rows.map((r) => r.id));
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
