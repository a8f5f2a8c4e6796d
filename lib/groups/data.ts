import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { forumCategories, users, workingGroupMembers, workingGroups } from "@/db/schema";
import { alphabetical } from "@/db/search-fields";

export async function listGroups() {
  const db = await getDb();
  return db
    .select({
      id: workingGroups.id,
      name: workingGroups.name,
      slug: workingGroups.slug,
      description: workingGroups.description,
      memberCount: sql<number>`(select count(*)::int from working_group_members m where m.group_id = ${workingGroups.id})`,
    })
    .from(workingGroups)
    .orderBy(alphabetical(workingGroups.name));
}

export async function listGroupMembers({ groupId }: { groupId: string }) {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(workingGroupMembers)
    .innerJoin(users, eq(users.id, workingGroupMembers.userId))
    .where(eq(workingGroupMembers.groupId, groupId))
    .orderBy(alphabetical(users.name));
}

/** Every category for the admin page, regardless of visibility (coordinators only). */
export async function listAllCategories() {
  const db = await getDb();
  return db
    .select({
      id: forumCategories.id,
      slug: forumCategories.slug,
      name: forumCategories.name,
      description: forumCategories.description,
      translations: forumCategories.translations,
      color: forumCategories.color,
      visibility: forumCategories.visibility,
      groupId: forumCategories.groupId,
      position: forumCategories.position,
    })
    .from(forumCategories)
    .orderBy(asc(forumCategories.position), asc(forumCategories.name));
}
