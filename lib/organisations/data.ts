import "server-only";
import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import {
  type OrganisationType,
  organisationAdmins,
  organisations,
  profiles,
  type Role,
  users,
} from "@/db/schema";
import { foldedWordsMatch } from "@/db/search-fields";
import { type ViewerLevel, visibleAt } from "@/lib/members/visibility";
import { adminWorksThere, worksAt } from "./works-at";

export const ORGANISATIONS_PAGE_SIZE = 30;
/** At most this many people are listed on an organisation's page; the aggregates count everyone visible. */
export const MEMBERS_SHOWN = 200;

/** How typed organisation names compare: case and spaces around or doubled between words do not count. */
const choiceKey = (label: string) => label.trim().replace(/\s+/g, " ").toLocaleLowerCase("de");

export type OrganisationOption = { id: string; name: string; slug: string };

/** Confirmed organisations in name order, to pick from (sign-up, a member's organisations). */
export async function listOrganisationOptions(): Promise<OrganisationOption[]> {
  const db = await getDb();
  return db
    .select({ id: organisations.id, name: organisations.name, slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.status, "active"))
    .orderBy(asc(organisations.nameFolded), asc(organisations.slug));
}

export type OrganisationChoice = { id: string; label: string };

/**
 * Confirmed organisations as people type them into a field with suggestions (sign-up, a profile's
 * further organisations, the admin area, a coordinator's event), in name order: the name, and where
 * several share it, the name with its slug.
 */
export async function listOrganisationChoices(): Promise<OrganisationChoice[]> {
  const options = (await listOrganisationOptions()).map((o) => ({ ...o, key: choiceKey(o.name) }));
  const named = new Map<string, number>();
  for (const { key } of options) named.set(key, (named.get(key) ?? 0) + 1);
  return options.map((o) => ({ id: o.id, label: named.get(o.key)! > 1 ? `${o.name} (${o.slug})` : o.name }));
}

/** The choice a typed label names, in any case and with spaces around or doubled between words. */
export function choiceNamed(
  choices: readonly OrganisationChoice[],
  label: string,
): OrganisationChoice | undefined {
  const key = choiceKey(label);
  return key ? choices.find((c) => choiceKey(c.label) === key) : undefined;
}

/**
 * The organisations typed into the slots of such a field, as ids in the same slots ("" where empty),
 * or the first slot (from 0) that names no confirmed organisation.
 */
export async function organisationIdsForChoices(
  labels: readonly string[],
): Promise<{ ids: string[] } | { unknownSlot: number }> {
  if (labels.every((label) => label.trim() === "")) return { ids: labels.map(() => "") };
  const choices = await listOrganisationChoices();
  const ids: string[] = [];
  for (const [index, label] of labels.entries()) {
    const id = label.trim() === "" ? "" : choiceNamed(choices, label)?.id;
    if (id === undefined) return { unknownSlot: index };
    ids.push(id);
  }
  return { ids };
}

export type OrganisationSummary = {
  id: string;
  slug: string;
  name: string;
  type: OrganisationType;
  municipality: string | null;
  /** Members the viewer may see there (name and organisation visible at their level). */
  memberCount: number;
};

/** Approved members of an organisation whose name and organisation the viewer may see. */
const visibleMemberOf = (organisationId: SQL | string, level: ViewerLevel): SQL =>
  and(
    worksAt(organisationId),
    eq(users.status, "approved"),
    visibleAt(profiles.visName, level),
    visibleAt(profiles.visOrganisation, level),
  )!;

/**
 * Active organisations in name order, a page at a time; `after` is the slug of the last one on the
 * previous page (keyset on name and id).
 */
export async function listOrganisations(input: {
  type?: OrganisationType;
  municipality?: string;
  q?: string;
  after?: string;
  level?: ViewerLevel;
  limit?: number;
}): Promise<{ organisations: OrganisationSummary[]; nextAfter: string | null }> {
  const db = await getDb();
  const limit = input.limit ?? ORGANISATIONS_PAGE_SIZE;
  const level = input.level ?? 0;
  const [anchor] = input.after
    ? await db
        .select({ nameFolded: organisations.nameFolded, id: organisations.id })
        .from(organisations)
        .where(eq(organisations.slug, input.after))
        .limit(1)
    : [];
  const q = input.q?.trim();
  const memberCount = db
    .select({ n: count() })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(visibleMemberOf(sql`${organisations.id}`, level));
  const rows = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      type: organisations.type,
      municipality: organisations.municipality,
      memberCount: sql<number>`(${memberCount})`.mapWith(Number),
    })
    .from(organisations)
    .where(
      and(
        eq(organisations.status, "active"),
        input.type ? eq(organisations.type, input.type) : undefined,
        input.municipality ? eq(organisations.municipality, input.municipality) : undefined,
        q ? foldedWordsMatch(q, organisations.nameFolded) : undefined,
        anchor
          ? sql`(${organisations.nameFolded}, ${organisations.id}) > (${anchor.nameFolded}, ${anchor.id})`
          : undefined,
      ),
    )
    .orderBy(asc(organisations.nameFolded), asc(organisations.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { organisations: page, nextAfter: rows.length > limit ? (page.at(-1)?.slug ?? null) : null };
}

export type OrganisationMember = {
  id: string;
  name: string;
  jobFunction: string | null;
  photoId: string | null;
  languages: string[];
  topics: string[];
};

export type Tally = { key: string; count: number };

/** The organisation's own fields: all public, and all editable except id, slug and status. */
const organisationColumns = {
  id: organisations.id,
  slug: organisations.slug,
  status: organisations.status,
  name: organisations.name,
  type: organisations.type,
  description: organisations.description,
  street: organisations.street,
  postcode: organisations.postcode,
  city: organisations.city,
  municipality: organisations.municipality,
  phone: organisations.phone,
  email: organisations.email,
  website: organisations.website,
};

async function getOrganisationFields(slug: string) {
  const db = await getDb();
  const [row] = await db
    .select(organisationColumns)
    .from(organisations)
    .where(eq(organisations.slug, slug))
    .limit(1);
  return row ?? null;
}
export type OrganisationFields = NonNullable<Awaited<ReturnType<typeof getOrganisationFields>>>;

/** An organisation's editable fields, for the edit form (and its id, for the admin form). */
export const getOrganisationForEdit = ({ slug }: { slug: string }) => getOrganisationFields(slug);

export type OrganisationDetail = OrganisationFields & {
  members: OrganisationMember[];
  memberCount: number;
  languages: Tally[];
  topics: Tally[];
};

/** A member's field, or `otherwise` where the viewer may not see it. */
const ifVisible = <T>(visibility: AnyPgColumn, level: ViewerLevel, value: AnyPgColumn, otherwise: SQL) =>
  sql<T>`case when ${visibleAt(visibility, level)} then ${value} else ${otherwise} end`;

/**
 * An organisation's page as seen at `level`: its own fields are public (an organisation is not a
 * person); its people only where their name and organisation are visible, and each of their fields
 * only where that field is visible too. Proposed organisations are returned; the page decides.
 */
export async function getOrganisationBySlug({
  slug,
  level,
}: {
  slug: string;
  level: ViewerLevel;
}): Promise<OrganisationDetail | null> {
  const org = await getOrganisationFields(slug);
  if (!org) return null;
  const db = await getDb();
  const visible = visibleMemberOf(org.id, level);
  const noText = sql`null`;
  const noList = sql`'{}'::text[]`;
  const [members, [total], languages, topics] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        jobFunction: ifVisible<string | null>(profiles.visJobFunction, level, profiles.jobFunction, noText),
        photoId: ifVisible<string | null>(profiles.visPhoto, level, profiles.photoId, noText),
        languages: ifVisible<string[]>(profiles.visLanguages, level, profiles.languages, noList),
        topics: ifVisible<string[]>(profiles.visTopics, level, profiles.topics, noList),
      })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(visible)
      .orderBy(asc(profiles.nameFolded), asc(users.id))
      .limit(MEMBERS_SHOWN),
    db.select({ n: count() }).from(profiles).innerJoin(users, eq(users.id, profiles.userId)).where(visible),
    tally(profiles.languages, and(visible, visibleAt(profiles.visLanguages, level))!),
    tally(profiles.topics, and(visible, visibleAt(profiles.visTopics, level))!),
  ]);
  return {
    ...org,
    members: members.map((m) => ({
      ...m,
      name: m.name ?? "",
      languages: m.languages ?? [],
      topics: m.topics ?? [],
    })),
    memberCount: total?.n ?? 0,
    languages,
    topics,
  };
}

/** How many of the matching members list each value of an array column, most frequent first. */
async function tally(
  column: typeof profiles.languages | typeof profiles.topics,
  where: SQL,
): Promise<Tally[]> {
  const db = await getDb();
  const values = db
    .select({ key: sql<string>`unnest(${column})`.as("key") })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(where)
    .as("values");
  return db
    .select({ key: values.key, count: count().as("n") })
    .from(values)
    .groupBy(values.key)
    .orderBy(desc(sql`n`), asc(values.key));
}

/** Flagged as admin of the organisation, and still an approved member working there (main or further). */
export async function isOrganisationAdmin({
  userId,
  organisationId,
}: {
  userId: string;
  organisationId: string;
}): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ userId: organisationAdmins.userId })
    .from(organisationAdmins)
    .innerJoin(users, eq(users.id, organisationAdmins.userId))
    .where(
      and(
        eq(organisationAdmins.userId, userId),
        eq(organisationAdmins.organisationId, organisationId),
        eq(users.status, "approved"),
        adminWorksThere,
      ),
    )
    .limit(1);
  return Boolean(row);
}

const COORDINATOR_ROLES: readonly Role[] = ["coordinator", "admin"];

/**
 * Whether this person may edit the organisation: coordinators (and admins) always, an organisation
 * admin only their own. Checked against the database, never against a session snapshot.
 */
export async function mayEditOrganisation({
  viewer,
  organisationId,
}: {
  viewer: { id: string; role: Role; status: string } | null;
  organisationId: string;
}): Promise<boolean> {
  if (viewer?.status !== "approved") return false;
  if (COORDINATOR_ROLES.includes(viewer.role)) return true;
  return isOrganisationAdmin({ userId: viewer.id, organisationId });
}

/** For the form that flags organisation admins. */
export async function getUserIdByEmail({ email }: { email: string }): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return row?.id ?? null;
}
