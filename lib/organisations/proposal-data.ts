/** Organisations waiting for confirmation, and the existing ones a new name is probably a duplicate of. */
import "server-only";
import { and, asc, count, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { foldName } from "@/db/folding";
import { organisations, users } from "@/db/schema";
import { foldedWordsMatch } from "@/db/search-fields";

export type SimilarOrganisation = { id: string; slug: string; name: string; proposed: boolean };

/** From this whole-name trigram similarity a longer spelling ("… e.V.") of an existing name counts too. */
const SIMILAR_NAME = 0.5;

/**
 * Confirmed organisations (and, with `withProposed`, those still waiting) whose name is probably the
 * same organisation as `name`, most similar first: every word of `name` is found in theirs
 * (umlaut-folded, typo-tolerant, as the organisation list searches), or the two names are alike as a
 * whole. Only coordinators see waiting proposals: their names are unchecked input of other applicants.
 */
export async function listSimilarOrganisations(input: {
  name: string;
  withProposed?: boolean;
  excludeId?: string;
  limit?: number;
}): Promise<SimilarOrganisation[]> {
  const name = input.name.trim();
  if (!name) return [];
  const db = await getDb();
  const folded = organisations.nameFolded;
  const alike = sql`similarity(${folded}, ${foldName(name)})`;
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      proposed: sql<boolean>`${organisations.status} = 'proposed'`,
    })
    .from(organisations)
    .where(
      and(
        inArray(organisations.status, input.withProposed ? ["active", "proposed"] : ["active"]),
        input.excludeId ? ne(organisations.id, input.excludeId) : undefined,
        or(foldedWordsMatch(name, folded), sql`${alike} >= ${SIMILAR_NAME}`),
      ),
    )
    .orderBy(desc(alike), asc(folded))
    .limit(input.limit ?? 5);
}

/** Organisations proposed at sign-up, oldest first, with who proposed them (null once deleted). */
export async function listProposedOrganisations() {
  const db = await getDb();
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      municipality: organisations.municipality,
      createdAt: organisations.createdAt,
      proposerId: users.id,
      proposerName: users.name,
      proposerEmail: users.email,
      proposerStatus: users.status,
    })
    .from(organisations)
    .leftJoin(users, eq(users.id, organisations.proposedById))
    .where(eq(organisations.status, "proposed"))
    .orderBy(asc(organisations.createdAt), asc(organisations.id));
}
export type ProposedOrganisation = Awaited<ReturnType<typeof listProposedOrganisations>>[number];

export async function countProposedOrganisations(): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(organisations)
    .where(eq(organisations.status, "proposed"));
  return row?.n ?? 0;
}
