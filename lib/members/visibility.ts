import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { VISIBILITY, type Visibility } from "@/db/schema";

/** The viewer's reach: visitors see public fields, approved members also members-only ones, the owner all. */
export type ViewerLevel = Visibility;

export function viewerLevel(viewer: { id: string; status: string } | null, ownerId?: string): ViewerLevel {
  if (viewer?.status !== "approved") return VISIBILITY.public;
  return viewer.id === ownerId ? VISIBILITY.hidden : VISIBILITY.members;
}

export const canSee = (fieldVisibility: Visibility, level: ViewerLevel): boolean => fieldVisibility <= level;

/** SQL for "this field is visible at this level", to filter and search only on what the viewer may see. */
export const visibleAt = (column: AnyPgColumn, level: ViewerLevel): SQL => sql`${column} <= ${level}`;

/**
 * The weights of `profiles.search` a viewer may match (db/schema/network.ts weights each word by the
 * visibility of its field: A public, B members only, C hidden).
 */
export const searchWeights = (level: ViewerLevel): string => "ABC".slice(0, level + 1);
