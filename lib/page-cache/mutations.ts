import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { contentVersions } from "@/db/schema";
import type { ContentScope } from "./paths";
import { forgetCachedPages } from "./store";

/**
 * Raises the area's version inside the editing transaction: every app instance sees it at its next
 * check (at most a second later) and renders its cached pages again.
 */
export async function bumpContentVersion(tx: Executor, scope: ContentScope): Promise<void> {
  await tx
    .insert(contentVersions)
    .values({ scope, version: 2 })
    .onConflictDoUpdate({
      target: contentVersions.scope,
      set: { version: sql`${contentVersions.version} + 1`, updatedAt: new Date() },
    });
}

/** After the commit: this instance forgets its copies at once instead of waiting for its next check. */
export function publishContentChange(scope: ContentScope): void {
  forgetCachedPages(scope);
}
