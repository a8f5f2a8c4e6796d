/** What the event form offers and needs: organisers, working groups, the event as it may be edited. */
import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisations, users, workingGroupMembers, workingGroups } from "@/db/schema";
import { alphabetical } from "@/db/search-fields";
import { type EventViewer, mayEditEvent, organisationsRunBy } from "./access";
import { getEventRow } from "./data";

export type OrganiserOption = { value: string; label: string };

/** What the viewer may pick as organiser: themselves, and the organisations they may run events for. */
export async function listOrganiserOptions(
  viewer: NonNullable<EventViewer>,
  selfLabel: string,
): Promise<OrganiserOption[]> {
  const db = await getDb();
  const orgs = await organisationsRunBy(db, viewer);
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.status, "active"),
        orgs === "all" ? undefined : orgs.length ? inArray(organisations.id, orgs) : sql`false`,
      ),
    )
    .orderBy(asc(organisations.nameFolded))
    .limit(500);
  return [{ value: "self", label: selfLabel }, ...rows.map((r) => ({ value: `org:${r.id}`, label: r.name }))];
}

/** Working groups the viewer may address: all for coordinators, else their own. */
export async function listGroupOptions(viewer: NonNullable<EventViewer>): Promise<OrganiserOption[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: workingGroups.id, name: workingGroups.name })
    .from(workingGroups)
    .where(
      viewer.coordinator
        ? undefined
        : sql`exists (select 1 from ${workingGroupMembers} where ${workingGroupMembers.groupId} = ${workingGroups.id} and ${workingGroupMembers.userId} = ${viewer.id})`,
    )
    .orderBy(alphabetical(workingGroups.name));
  return rows.map((r) => ({ value: r.id, label: r.name }));
}

/** An event's editable fields plus what the edit gate needs, if the viewer may see it. */
export async function getEventForEdit(eventId: string, viewer: EventViewer) {
  const event = await getEventRow(eventId, viewer);
  if (!event) return null;
  const db = await getDb();
  return (await mayEditEvent(db, viewer, event)) ? event : null;
}
export type EditableEvent = NonNullable<Awaited<ReturnType<typeof getEventForEdit>>>;

/**
 * The current organiser as a choice on the edit form, when it is someone other than the editor;
 * an erased account has no name and is labelled `formerMember`.
 */
export async function currentOrganiserOption(
  event: { organiserUserId: string | null },
  viewerId: string,
  formerMember: string,
): Promise<OrganiserOption | null> {
  if (!event.organiserUserId || event.organiserUserId === viewerId) return null;
  const db = await getDb();
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, event.organiserUserId));
  return row ? { value: `user:${event.organiserUserId}`, label: row.name ?? formerMember } : null;
}
