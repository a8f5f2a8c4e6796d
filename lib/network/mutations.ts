import "server-only";
import type { Executor } from "@/db/client";
import { organisations } from "@/db/schema";
import { freeSlug } from "@/db/slugs";
import { slugify } from "./utils";

/** A slug for a new organisation, suffixed with a number when taken. */
export async function createUniqueSlug(tx: Executor, name: string): Promise<string> {
  return freeSlug(tx, organisations.slug, slugify(name) || "organisation");
}
