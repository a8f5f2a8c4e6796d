import "server-only";
import { sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { contentVersions } from "@/db/schema";
import type { ContentScope } from "./paths";
import { forgetCachedPages } from "./store";

/**
 * Raises the area's version inside the editing transaction: every app instance sees it at its next
 * check (at most a second later) and renders its cached pages again.
 */
async function bumpContentVersion(tx: Executor, scope: ContentScope): Promise<void> {
  await tx
    .insert(contentVersions)
    .values({ scope, version: 2 })
    .onConflictDoUpdate({
      target: contentVersions.scope,
      set: { version: sql`${contentVersions.version} + 1`, updatedAt: new Date() },
    });
}

/**
 * Runs an edit of an area whose pages visitors get from the cache: one transaction that also raises
 * the area's version; after the commit this instance forgets its copies at once instead of waiting
 * for its next check.
 */
export async function editCachedContent<T>(
  scope: ContentScope,
  work: (tx: Executor) => Promise<T>,
): Promise<T> {
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const value = await work(tx);
    await bumpContentVersion(tx, scope);
    return value;
  });
  forgetCachedPages(scope);
  return result;
}
