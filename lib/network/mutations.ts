import "server-only";
import { like } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organisations } from "@/db/schema";
import { slugify } from "./utils";

/** A slug for a new organisation, suffixed with a number when taken. */
export async function createUniqueSlug(tx: Executor, name: string): Promise<string> {
  const base = slugify(name) || "organisation";
  const taken = new Set(
    (
      await tx
        .select({ slug: organisations.slug })
        .from(organisations)
        .where(like(organisations.slug, `${base}%`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
