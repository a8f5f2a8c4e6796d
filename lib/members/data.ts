import "server-only";
import { and, asc, desc, eq, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { foldName } from "@/db/folding";
import {
  type OrganisationType,
  organisations,
  profileOrganisations,
  profiles,
  users,
  type Visibility,
} from "@/db/schema";
import { foldedWordsMatch } from "@/db/search-fields";
import { DIRECTORY_PAGE_SIZE, type DirectoryCursor } from "./schema";
import { searchWeights, type ViewerLevel, visibleAt } from "./visibility";

/** A member as a card shows them; every field the viewer may not see is null or empty. */
export type MemberSummary = {
  id: string;
  name: string | null;
  photoId: string | null;
  organisation: string | null;
  jobFunction: string | null;
  municipality: string | null;
  topics: string[];
  languages: string[];
};

// Fields are masked in SQL, so a value the viewer may not see never leaves the database.
const shown = <T>(vis: AnyPgColumn, level: ViewerLevel, value: AnyPgColumn) =>
  sql<T | null>`case when ${visibleAt(vis, level)} then ${value} end`;
const shownList = (vis: AnyPgColumn, level: ViewerLevel, value: AnyPgColumn) =>
  sql<string[]>`case when ${visibleAt(vis, level)} then ${value} else '{}'::text[] end`;

const summaryColumns = (level: ViewerLevel) => ({
  id: users.id,
  name: shown<string>(profiles.visName, level, users.name),
  photoId: shown<string>(profiles.visPhoto, level, profiles.photoId),
  organisation: shown<string>(profiles.visOrganisation, level, organisations.name),
  jobFunction: shown<string>(profiles.visJobFunction, level, profiles.jobFunction),
  municipality: shown<string>(profiles.visMunicipality, level, profiles.municipality),
  topics: shownList(profiles.visTopics, level, profiles.topics),
  languages: shownList(profiles.visLanguages, level, profiles.languages),
});

const toSummary = ({ topics, languages, ...rest }: MemberSummary): MemberSummary => ({
  ...rest,
  topics: topics ?? [],
  languages: languages ?? [],
});

/** Approved, with a name the viewer may see: who may appear anywhere for this viewer. */
const listed = (level: ViewerLevel): SQL =>
  and(eq(users.status, "approved"), visibleAt(profiles.visName, level))!;

export async function getMemberSummary({
  userId,
  level,
}: {
  userId: string;
  level: ViewerLevel;
}): Promise<MemberSummary | null> {
  const db = await getDb();
  const [row] = await db
    .select(summaryColumns(level))
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(and(eq(users.id, userId), listed(level)))
    .limit(1);
  return row ? toSummary(row) : null;
}

/** The most recently approved members, for members' start page. */
export async function listNewestMembers({
  limit,
  level,
}: {
  limit: number;
  level: ViewerLevel;
}): Promise<MemberSummary[]> {
  const db = await getDb();
  const rows = await db
    .select(summaryColumns(level))
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(listed(level))
    .orderBy(desc(users.approvedAt), desc(users.id))
    .limit(limit);
  return rows.map(toSummary);
}

/** A quoted lexeme in a tsquery's text form (a quote inside one is doubled). */
const TSQUERY_LEXEME = "'(?:[^']|'')*'";

/**
 * What the search box finds, using only what the viewer may see. The full-text vector holds name,
 * function, organisation and bio, and the names of the member's topics and languages, each weighted by
 * who may see it; every word of the query (negated ones too) counts only at weights the viewer may see.
 * The name (always visible here, see `listed`) also matches typo-tolerantly.
 */
function textMatches(q: string, level: ViewerLevel, { filtered }: { filtered: boolean }): SQL | undefined {
  const query = sql`regexp_replace(websearch_to_tsquery('german', ${q})::text, ${TSQUERY_LEXEME},
    ${`\\&:${searchWeights(level)}`}, 'g')::tsquery`;
  // With a filter, PostgreSQL reuses one plan for the prepared statement, in which the filter's index
  // picks the rows and the text is checked on each: a subquery builds the tsquery once, not per row.
  // Without one, the text picks the rows, and the planner must see the words to know how many match
  // (a topic's name matches one member in five): an inline tsquery is folded into each plan.
  const visible = filtered ? sql`(select ${query})` : query;
  // The folded name has a GIN trigram index.
  return or(sql`${profiles.search} @@ ${visible}`, foldedWordsMatch(q, profiles.nameFolded));
}

/** Works at an organisation of this type, as the main organisation or a further one. */
const worksAtType = (type: OrganisationType): SQL =>
  sql`(${organisations.type} = ${type} or exists (
    select 1 from ${profileOrganisations} po join ${organisations} o on o.id = po.organisation_id
    where po.user_id = ${profiles.userId} and o.type = ${type}))`;

export type DirectorySearch = {
  level: ViewerLevel;
  q?: string;
  topic?: string;
  language?: string;
  municipality?: string;
  organisationType?: OrganisationType;
  after?: DirectoryCursor;
  limit?: number;
};

export type DirectoryPage = { members: MemberSummary[]; next: DirectoryCursor | null };

/**
 * One page of the directory in name order. Every filter applies only where the viewer may see the
 * field it filters on (a visitor filtering by language never finds members-only languages), and all
 * filters combine with AND.
 */
export async function searchDirectory({
  level,
  q,
  topic,
  language,
  municipality,
  organisationType,
  after,
  limit = DIRECTORY_PAGE_SIZE,
}: DirectorySearch): Promise<DirectoryPage> {
  const db = await getDb();
  const filtered = Boolean(topic || language || municipality || organisationType);
  const where = and(
    listed(level),
    q ? textMatches(q, level, { filtered }) : undefined,
    topic
      ? and(visibleAt(profiles.visTopics, level), sql`${profiles.topics} @> array[${topic}]::text[]`)
      : undefined,
    language
      ? and(visibleAt(profiles.visLanguages, level), sql`${profiles.languages} @> array[${language}]::text[]`)
      : undefined,
    municipality
      ? and(visibleAt(profiles.visMunicipality, level), eq(profiles.municipality, municipality))
      : undefined,
    organisationType
      ? and(visibleAt(profiles.visOrganisation, level), worksAtType(organisationType))
      : undefined,
    after
      ? sql`(${profiles.nameFolded}, ${profiles.userId}) > (${after.nameFolded}, ${after.id})`
      : undefined,
  );
  const rows = await db
    // name_folded only derives from the name, which every listed row shows: safe in the cursor.
    .select({ ...summaryColumns(level), nameFolded: profiles.nameFolded })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(where)
    .orderBy(asc(profiles.nameFolded), asc(profiles.userId))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    members: page.map(({ nameFolded: _, ...member }) => toSummary(member)),
    next: rows.length > limit && last ? { nameFolded: last.nameFolded, id: last.id } : null,
  };
}

/** A member offered while typing "@Na…": what the viewer may see of name, function and organisation. */
export type MemberSuggestion = Pick<MemberSummary, "id" | "organisation" | "jobFunction"> & { name: string };

/**
 * Up to `limit` members whose name matches what was typed, as the directory's name search matches it
 * (typo- and umlaut-tolerant, only members the viewer may find there), and who meet `among` (SQL over
 * `users`: who may read a forum category). Names that start with the text come first, then names with
 * a word that starts with it.
 */
export async function suggestMembers({
  level,
  q,
  limit,
  among,
}: {
  level: ViewerLevel;
  q: string;
  limit: number;
  among?: SQL;
}): Promise<MemberSuggestion[]> {
  const match = foldedWordsMatch(q, profiles.nameFolded);
  if (!match) return [];
  const folded = foldName(q).replace(/\s+/g, " ");
  const db = await getDb();
  const { id, name, organisation, jobFunction } = summaryColumns(level);
  const rows = await db
    .select({ id, name, organisation, jobFunction })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(and(listed(level), match, among))
    .orderBy(
      sql`starts_with(${profiles.nameFolded}, ${folded}) desc`,
      sql`strpos(${profiles.nameFolded}, ${` ${folded}`}) > 0 desc`,
      asc(profiles.nameFolded),
      asc(profiles.userId),
    )
    .limit(limit);
  return rows.filter((row): row is MemberSuggestion => row.name !== null);
}

export const PROFILE_FIELDS = [
  "name",
  "photo",
  "jobFunction",
  "organisation",
  "municipality",
  "topics",
  "languages",
  "bio",
  "contact",
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** A profile page's data: fields the viewer may not see are null (or empty) and never fetched. */
export type ProfileOrganisation = { name: string; type: OrganisationType; slug: string | null };

export type ProfileView = Omit<MemberSummary, "name" | "organisation"> & {
  name: string;
  /**
   * The main organisation first, then further ones; `slug` only when the organisation has its own
   * public page (confirmed, not just proposed).
   */
  organisations: ProfileOrganisation[];
  bio: string | null;
  contact: { email: string | null; phone: string | null; website: string | null } | null;
  /** Only for the owner, who sees every field and who may see it. */
  visibility: Record<ProfileField, Visibility> | null;
};

/** An approved member's profile at the viewer's level; null when the viewer may not see their name. */
export async function getProfile({
  userId,
  level,
}: {
  userId: string;
  level: ViewerLevel;
}): Promise<ProfileView | null> {
  const db = await getDb();
  const owner = level === 2;
  const [row] = await db
    .select({
      ...summaryColumns(level),
      organisationType: shown<OrganisationType>(profiles.visOrganisation, level, organisations.type),
      organisationSlug: shown<string>(profiles.visOrganisation, level, organisations.slug),
      organisationActive: sql<boolean>`${organisations.status} = 'active'`,
      furtherOrganisations: sql<
        ProfileOrganisation[] | null
      >`case when ${visibleAt(profiles.visOrganisation, level)} then (
        select json_agg(json_build_object('name', o.name, 'type', o.type,
          'slug', case when o.status = 'active' then o.slug end) order by po.position)
        from ${profileOrganisations} po join ${organisations} o on o.id = po.organisation_id
        where po.user_id = ${profiles.userId}) end`,
      bio: shown<string>(profiles.visBio, level, profiles.bio),
      contactVisible: visibleAt(profiles.visContact, level).mapWith(Boolean),
      email: shown<string>(profiles.visContact, level, profiles.contactEmail),
      phone: shown<string>(profiles.visContact, level, profiles.phone),
      website: shown<string>(profiles.visContact, level, profiles.website),
      vis: sql<number[]>`array[${profiles.visName}, ${profiles.visPhoto}, ${profiles.visJobFunction},
        ${profiles.visOrganisation}, ${profiles.visMunicipality}, ${profiles.visTopics},
        ${profiles.visLanguages}, ${profiles.visBio}, ${profiles.visContact}]::int[]`,
    })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .leftJoin(organisations, eq(organisations.id, profiles.organisationId))
    .where(and(eq(users.id, userId), listed(level)))
    .limit(1);
  if (!row?.name) return null;
  const {
    organisation,
    organisationType,
    organisationSlug,
    organisationActive,
    furtherOrganisations,
    ...more
  } = row;
  const { contactVisible, email, phone, website, vis, bio, ...rest } = more;
  const hasContact = contactVisible && Boolean(email || phone || website);
  return {
    ...toSummary({ ...rest, organisation: null }),
    name: row.name,
    bio,
    organisations: [
      ...(organisation
        ? [
            {
              name: organisation,
              type: organisationType ?? "other",
              slug: organisationActive ? organisationSlug : null,
            },
          ]
        : []),
      ...(furtherOrganisations ?? []),
    ],
    contact: hasContact ? { email, phone, website } : null,
    visibility: owner
      ? (Object.fromEntries(
          PROFILE_FIELDS.map((f, i) => [f, vis[i] as Visibility]),
        ) as ProfileView["visibility"])
      : null,
  };
}
