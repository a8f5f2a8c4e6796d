"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/viewer";
import { formAction } from "@/lib/forms/action";
import { addGroupMember, createGroup, removeGroupMember, saveCategory } from "./mutations";
import { CategoryForm, GroupInput, GroupMemberInput } from "./schema";

export const createGroupAction = formAction(GroupInput, async (data) => {
  const viewer = await requireRole("coordinator");
  await createGroup({ actorId: viewer.id, ...data });
  revalidatePath("/admin/forum");
  return { status: "success", message: "groupCreated" };
});

export const addGroupMemberAction = formAction(GroupMemberInput, async (data) => {
  const viewer = await requireRole("coordinator");
  await addGroupMember({ actorId: viewer.id, ...data });
  revalidatePath("/admin/forum");
  return { status: "success", message: "memberAdded" };
});

export async function removeGroupMemberAction(formData: FormData) {
  const viewer = await requireRole("coordinator");
  const groupId = String(formData.get("groupId") ?? "");
  const userId = String(formData.get("userId") ?? "");
  if (groupId && userId) await removeGroupMember({ actorId: viewer.id, groupId, userId });
  revalidatePath("/admin/forum");
}

export const saveCategoryAction = formAction(CategoryForm, async (data) => {
  const viewer = await requireRole("coordinator");
  await saveCategory({ actorId: viewer.id, ...data });
  revalidatePath("/admin/forum");
  revalidatePath("/forum", "layout");
  return { status: "success", message: "categorySaved" };
});
