import { like } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "./client";
import { startingWith } from "./like";

/**
 * `base` if no row of the column's table has it as its slug, else the first free of `base-2`,
 * `base-3` …: one query for the slugs taken. The unique index on the column settles a race.
 */
export async function freeSlug(tx: Executor, column: PgColumn, base: string): Promise<string> {
  const rows = await tx
    .select({ slug: column })
    .from(column.table)
    .where(like(column, startingWith(base)));
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
