// Forum rows for integration tests: every category and group is unique.
import { getDb } from "@/db/client";
import { type CategoryVisibility, forumCategories, workingGroupMembers, workingGroups } from "@/db/schema";

const uid = () => crypto.randomUUID().slice(0, 8);

export async function createGroup(memberIds: string[] = []) {
  const db = await getDb();
  const id = uid();
  const [group] = await db
    .insert(workingGroups)
    .values({ name: `AK ${id}`, slug: `ak-${id}` })
    .returning();
  if (memberIds.length)
    await db.insert(workingGroupMembers).values(memberIds.map((userId) => ({ groupId: group!.id, userId })));
  return group!;
}

export async function createCategory(visibility: CategoryVisibility, groupId?: string) {
  const db = await getDb();
  const id = uid();
  const [category] = await db
    .insert(forumCategories)
    .values({
      name: `Kategorie ${visibility} ${id}`,
      slug: `kat-${id}`,
      visibility,
      groupId: groupId ?? null,
    })
    .returning();
  return category!;
}
