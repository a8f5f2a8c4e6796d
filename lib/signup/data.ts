import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organisations } from "@/db/schema";
import { alphabetical } from "@/db/search-fields";

export type OrganisationOption = { id: string; name: string };

/** Confirmed organisations a new member can pick at sign-up. */
export async function listOrganisationOptions(): Promise<OrganisationOption[]> {
  const db = await getDb();
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.status, "active"))
    .orderBy(alphabetical(organisations.name));
}
