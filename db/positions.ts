import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "./client";

/** The position after the last one in the column (0 for the first), among the rows `where` selects. */
export async function nextPosition(tx: Executor, column: PgColumn, where?: SQL): Promise<number> {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${column}), -1)::int + 1` })
    .from(column.table)
    .where(where);
  return row?.next ?? 0;
}
