import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { forumThreads, profiles, type Role, users, VISIBILITY } from "@/db/schema";
import { nameAt } from "@/lib/members/visibility";

/** Who is reading: null for a visitor (or an applicant, who sees what visitors see). */
export type ForumViewer = { id: string; role: Role } | null;

/** Coordinators and admins see and moderate every category. */
export const isModerator = (viewer: ForumViewer): boolean =>
  viewer !== null && (viewer.role === "coordinator" || viewer.role === "admin");

/** An approved member or visitor, from the app's viewer. */
export function forumViewer(viewer: { id: string; role: Role; status: string } | null): ForumViewer {
  return viewer?.status === "approved" ? { id: viewer.id, role: viewer.role } : null;
}

/**
 * The one rule for "categories this viewer can see", as SQL over forum_categories' columns:
 * visitors see public ones, members also members-only ones and those of their working groups,
 * coordinators all. Every list, count, search and notification goes through it.
 */
export function categoryVisible(viewer: ForumViewer): SQL {
  if (viewer === null) return sql`forum_categories.visibility = 'public'`;
  if (isModerator(viewer)) return sql`true`;
  return sql`(forum_categories.visibility in ('public', 'members') or (forum_categories.visibility = 'group' and exists (
    select 1 from working_group_members wgm where wgm.group_id = forum_categories.group_id and wgm.user_id = ${viewer.id})))`;
}

/**
 * The member (a row of `users`) may read this category: categoryVisible for that member, for
 * choosing whom to tell or to offer ("@Na…") what is said there.
 */
export const mayReadCategory = (categoryId: string): SQL =>
  sql`exists (select 1 from forum_categories c where c.id = ${categoryId} and (c.visibility in ('public', 'members')
    or ${users.role} in ('coordinator', 'admin')
    or exists (select 1 from working_group_members g where g.group_id = c.group_id and g.user_id = ${users.id})))`;

/** `column` (a category id) is one the viewer can see. */
export function inVisibleCategory(viewer: ForumViewer, column: AnyPgColumn | SQL): SQL {
  return sql`${column} in (select forum_categories.id from forum_categories where ${categoryVisible(viewer)})`;
}

/**
 * Posts a viewer may read in full: visible ones, their own held ones, and for coordinators
 * everything. Hidden and deleted posts still take their place in the thread as a placeholder.
 */
export function postReadable(viewer: ForumViewer, status: AnyPgColumn, author: AnyPgColumn): SQL {
  if (isModerator(viewer)) return sql`true`;
  if (viewer === null) return sql`${status} = 'visible'`;
  return sql`(${status} = 'visible' or (${status} = 'pending' and ${author} = ${viewer.id}))`;
}

/**
 * An author's name as this viewer may see it (visitors only names their owners made public), over
 * `users` and `profiles` joined to the author.
 */
export const seenAuthorName = (viewer: ForumViewer) =>
  nameAt(viewer ? VISIBILITY.members : VISIBILITY.public, users.name, profiles.visName);

/** The threads the viewer may see: coordinators all but deleted ones; authors their own held ones. */
export const threadVisible = (viewer: ForumViewer): SQL =>
  isModerator(viewer)
    ? sql`${forumThreads.status} <> 'deleted'`
    : viewer
      ? sql`(${forumThreads.status} = 'visible' or (${forumThreads.status} = 'pending' and ${forumThreads.authorId} = ${viewer.id}))`
      : sql`${forumThreads.status} = 'visible'`;
