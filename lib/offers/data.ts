import "server-only";
import { and, arrayOverlaps, asc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { foldedInSql } from "@/db/folding";
import { containing } from "@/db/like";
import { type OfferFormat, organisationOffers, organisations, VISIBILITY } from "@/db/schema";
import { alphabetical } from "@/db/search-fields";
import { type ViewerLevel, visibleAt } from "@/lib/members/visibility";
import { keysNamedBy } from "./label-words";

const offerColumns = {
  id: organisationOffers.id,
  organisationId: organisationOffers.organisationId,
  title: organisationOffers.title,
  description: organisationOffers.description,
  topics: organisationOffers.topics,
  languages: organisationOffers.languages,
  formats: organisationOffers.formats,
  municipality: organisationOffers.municipality,
  location: organisationOffers.location,
  schedule: organisationOffers.schedule,
  contact: organisationOffers.contact,
  visibility: organisationOffers.visibility,
};

export type Offer = {
  [K in keyof typeof offerColumns]: (typeof organisationOffers.$inferSelect)[K];
};

/**
 * An organisation's offers as seen at `level`, in title order: visitors see the public ones, members
 * also those for members. Their editors see all of them (level "hidden" reaches every offer).
 */
export async function listOffers({
  organisationId,
  level,
}: {
  organisationId: string;
  level: ViewerLevel;
}): Promise<Offer[]> {
  const db = await getDb();
  return db
    .select(offerColumns)
    .from(organisationOffers)
    .where(
      and(
        eq(organisationOffers.organisationId, organisationId),
        visibleAt(organisationOffers.visibility, level),
      ),
    )
    .orderBy(alphabetical(organisationOffers.title), asc(organisationOffers.id));
}

/** One offer of this organisation, for its edit form; null when it is not this organisation's. */
export async function getOfferForEdit({
  organisationId,
  offerId,
}: {
  organisationId: string;
  offerId: string;
}): Promise<Offer | null> {
  const db = await getDb();
  const [row] = await db
    .select(offerColumns)
    .from(organisationOffers)
    .where(and(eq(organisationOffers.id, offerId), eq(organisationOffers.organisationId, organisationId)))
    .limit(1);
  return row ?? null;
}

/** The form's choice for a stored visibility. */
export const visibilityChoice = (visibility: number): "public" | "members" =>
  visibility === VISIBILITY.public ? "public" : "members";

/** The address part of an organisation's page, to return there after a change. */
export async function getOrganisationSlug(organisationId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ slug: organisations.slug })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  return row?.slug ?? null;
}

export const OFFERS_PAGE_SIZE = 20;

export type OfferFilters = {
  q?: string;
  topic?: string;
  language?: string;
  municipality?: string;
  format?: OfferFormat;
};

export type OfferHit = Offer & { organisation: { slug: string; name: string } };

/** The offer's words in German, stemmed: "Beratungen" finds "Beratung". */
const offerText = sql`to_tsvector('german', ${organisationOffers.title} || ' ' || coalesce(${organisationOffers.description}, ''))`;

/**
 * Each searched word must be in the offer's title or description (German stemming), in its
 * organisation's name, or name one of its topics or languages ("Wohnen", "arabisch").
 */
function matchingWord(word: string): SQL {
  const topics = keysNamedBy(word, "topics");
  const languages = keysNamedBy(word, "languages");
  return or(
    sql`${offerText} @@ plainto_tsquery('german', ${word})`,
    ilike(organisationOffers.title, containing(word)),
    ilike(organisations.name, containing(word)),
    topics.length ? arrayOverlaps(organisationOffers.topics, topics) : undefined,
    languages.length ? arrayOverlaps(organisationOffers.languages, languages) : undefined,
  )!;
}

function matching(filters: OfferFilters): SQL[] {
  const words = filters.q?.trim().split(/\s+/).filter(Boolean).slice(0, 8) ?? [];
  return [
    ...words.map(matchingWord),
    filters.topic ? sql`${organisationOffers.topics} @> array[${filters.topic}]::text[]` : undefined,
    filters.language ? sql`${organisationOffers.languages} @> array[${filters.language}]::text[]` : undefined,
    filters.format ? sql`${organisationOffers.formats} @> array[${filters.format}]::text[]` : undefined,
    // Without a place of its own, an offer takes place at its organisation.
    filters.municipality
      ? sql`coalesce(${organisationOffers.municipality}, ${organisations.municipality}) = ${filters.municipality}`
      : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
}

/**
 * Offers of every active organisation that the viewer may see and that match all filters, in title
 * order, a page at a time; `after` is the id of the last offer on the previous page (keyset on title, id).
 */
export async function searchOffers(
  input: OfferFilters & { level: ViewerLevel; after?: string; limit?: number },
): Promise<{ offers: OfferHit[]; nextAfter: string | null }> {
  const db = await getDb();
  const limit = input.limit ?? OFFERS_PAGE_SIZE;
  const [anchor] = input.after
    ? await db
        .select({ title: organisationOffers.title, id: organisationOffers.id })
        .from(organisationOffers)
        .where(eq(organisationOffers.id, input.after))
        .limit(1)
    : [];
  const rows = await db
    .select({ ...offerColumns, organisation: { slug: organisations.slug, name: organisations.name } })
    .from(organisationOffers)
    .innerJoin(organisations, eq(organisations.id, organisationOffers.organisationId))
    .where(
      and(
        eq(organisations.status, "active"),
        visibleAt(organisationOffers.visibility, input.level),
        ...matching(input),
        anchor
          ? sql`(${foldedInSql(organisationOffers.title)}, ${organisationOffers.id}) > (${foldedInSql(sql`${anchor.title}::text`)}, ${anchor.id})`
          : undefined,
      ),
    )
    .orderBy(alphabetical(organisationOffers.title), asc(organisationOffers.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { offers: page, nextAfter: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
