/** What the event form offers and needs: organisers, working groups, the event as it may be edited. */
import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisations, users, workingGroupMembers, workingGroups } from "@/db/schema";
import { alphabetical } from "@/db/search-fields";
import { getTranslations } from "@/lib/i18n/server";
import { choiceNamed, listOrganisationChoices } from "@/lib/organisations/data";
import { type EventViewer, mayEditEvent, organisationsRunBy } from "./access";
import { getEventRow } from "./data";

export type OrganiserOption = { value: string; label: string };

/**
 * The event form's organiser choices. `typed`: a coordinator may pick any confirmed organisation, too
 * many for a drop-down, so the field is typed, with these as suggestions.
 */
export type Organisers = { options: OrganiserOption[]; typed: boolean };

/**
 * What the viewer may pick as organiser: whoever organises the event being edited, if someone else
 * (`current`, kept), themselves, and the organisations they may run events for.
 */
export async function listOrganisers(
  viewer: NonNullable<EventViewer>,
  selfLabel: string,
  current: OrganiserOption | null = null,
): Promise<Organisers> {
  const db = await getDb();
  const orgs = await organisationsRunBy(db, viewer);
  const people = [...(current ? [current] : []), { value: "self", label: selfLabel }];
  const organisation = (o: { id: string; label: string }) => ({ value: `org:${o.id}`, label: o.label });
  if (orgs === "all")
    return { typed: true, options: [...people, ...(await listOrganisationChoices()).map(organisation)] };
  const rows =
    orgs.length === 0
      ? []
      : await db
          .select({ id: organisations.id, label: organisations.name })
          .from(organisations)
          .where(and(eq(organisations.status, "active"), inArray(organisations.id, orgs)))
          .orderBy(asc(organisations.nameFolded));
  return { typed: false, options: [...people, ...rows.map(organisation)] };
}

/**
 * The organiser the form names, as its option's value: that value, or where the field is typed, the
 * option's label in any case. Null for none of the options.
 */
export function organiserValue(organisers: Organisers, given: string): string | null {
  const { options, typed } = organisers;
  const byLabel = typed
    ? choiceNamed(
        options.map((o) => ({ id: o.value, label: o.label })),
        given,
      )
    : null;
  return byLabel?.id ?? (options.some((o) => o.value === given) ? given : null);
}

/** The organiser choices the event form shows this person, with their own in the page's language. */
export async function organisersFor(
  user: { name: string | null; email: string | null },
  viewer: NonNullable<EventViewer>,
  event: { organiserUserId: string | null } | null = null,
): Promise<Organisers> {
  const t = await getTranslations("events");
  const current = event ? await currentOrganiserOption(event, viewer.id, t("formerMember")) : null;
  return listOrganisers(viewer, t("form.self", { name: user.name ?? user.email ?? "" }), current);
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
