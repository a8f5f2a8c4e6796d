import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisationOffers, organisations, VISIBILITY } from "@/db/schema";
import { type ViewerLevel, visibleAt } from "@/lib/members/visibility";

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
    .orderBy(asc(organisationOffers.title), asc(organisationOffers.id));
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
