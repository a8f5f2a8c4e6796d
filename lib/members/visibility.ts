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

/**
 * A person's name as the viewer may see it, for the places outside the directory that print names
 * (forum, events, search): `name` is null where `profiles.vis_name` keeps it from this viewer, and
 * `withheld` says so, as apart from an erased account's missing name. No profile counts as the default.
 */
export function nameAt(level: ViewerLevel, name: AnyPgColumn | SQL, visName: AnyPgColumn | SQL) {
  const seen = sql`coalesce(${visName}, ${VISIBILITY.members}) <= ${level}`;
  return {
    name: sql<string | null>`case when ${seen} then ${name} end`,
    withheld: sql<boolean>`(${name} is not null and not (${seen}))`,
  };
}
