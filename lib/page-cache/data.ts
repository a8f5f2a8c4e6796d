import "server-only";
import { getDb } from "@/db/client";
import { contentVersions } from "@/db/schema";
import type { ContentScope } from "./paths";

/** Every content area's version, as the database has it now. */
export async function getContentVersions(): Promise<Partial<Record<ContentScope, number>>> {
  const db = await getDb();
  const rows = await db
    .select({ scope: contentVersions.scope, version: contentVersions.version })
    .from(contentVersions);
  return Object.fromEntries(rows.map((r) => [r.scope, r.version]));
}
