"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/viewer";
import { formAction } from "@/lib/forms/action";
import { createOnce } from "@/lib/submissions/mutations";
import { submissionOf } from "@/lib/submissions/utils";
import { addGroupMember, createGroup, removeGroupMember, saveCategory } from "./mutations";
import { CategoryForm, GroupInput, GroupMemberInput } from "./schema";

export const createGroupAction = formAction(GroupInput, async (data, formData) => {
  const viewer = await requireRole("coordinator");
  const once = submissionOf(formData, {
    userId: viewer.id,
    scope: "group:new",
    fields: ["name", "description"],
  });
  await createOnce(() => createGroup({ actorId: viewer.id, ...data, once }));
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

export const saveCategoryAction = formAction(CategoryForm, async (data, formData) => {
  const viewer = await requireRole("coordinator");
  const once = submissionOf(formData, {
    userId: viewer.id,
    scope: "category:new",
    fields: ["name", "description", "visibility", "groupId"],
  });
  await createOnce(() => saveCategory({ actorId: viewer.id, ...data, once }));
  revalidatePath("/admin/forum");
  revalidatePath("/forum", "layout");
  return { status: "success", message: "categorySaved" };
});
