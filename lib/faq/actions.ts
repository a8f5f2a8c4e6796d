"use server";

import { redirect } from "next/navigation";
import { requireRole } from "@/lib/auth/viewer";
import { formAction } from "@/lib/forms/action";
import { saveFaqCategory } from "./category-mutations";
import { deleteFaqEntry, moveFaqEntry, saveFaqEntry, saveFaqTranslation, setFaqPublished } from "./mutations";
import {
  DeleteFaqEntry,
  MoveFaqEntry,
  SaveFaqCategory,
  SaveFaqEntry,
  SaveFaqTranslation,
  SetFaqPublished,
} from "./schema";

// Every action: coordinators only (anyone else gets "not found"), then one mutation.

export const saveFaqEntryAction = formAction(
  SaveFaqEntry,
  async (data) => {
    const coordinator = await requireRole("coordinator");
    const { id } = await saveFaqEntry({ actorId: coordinator.id, data });
    redirect(`/admin/faq/${id}?saved=${data.entryId ? "entry" : "created"}`);
  },
  { uniqueViolation: { field: "slug", key: "slugTaken" } },
);

export const saveFaqTranslationAction = formAction(SaveFaqTranslation, async (data) => {
  const coordinator = await requireRole("coordinator");
  await saveFaqTranslation({ actorId: coordinator.id, data });
  redirect(`/admin/faq/${data.entryId}?saved=${data.locale}#translation-${data.locale}`);
});

export const saveFaqCategoryAction = formAction(SaveFaqCategory, async (data) => {
  const coordinator = await requireRole("coordinator");
  await saveFaqCategory({ actorId: coordinator.id, data });
  redirect("/admin/faq?saved=category#categories");
});

/** Plain forms on the list (move, publish, delete): no messages, the list shows the result. */
export async function moveFaqEntryAction(formData: FormData): Promise<void> {
  const coordinator = await requireRole("coordinator");
  const data = MoveFaqEntry.parse(Object.fromEntries(formData));
  await moveFaqEntry({ actorId: coordinator.id, data });
  redirect(`/admin/faq#entry-${data.entryId}`);
}

export async function setFaqPublishedAction(formData: FormData): Promise<void> {
  const coordinator = await requireRole("coordinator");
  const data = SetFaqPublished.parse(Object.fromEntries(formData));
  await setFaqPublished({
    actorId: coordinator.id,
    entryId: data.entryId,
    published: data.published === "1",
  });
  redirect(`/admin/faq?saved=${data.published === "1" ? "published" : "unpublished"}#entry-${data.entryId}`);
}

export async function deleteFaqEntryAction(formData: FormData): Promise<void> {
  const coordinator = await requireRole("coordinator");
  const { entryId, confirmed } = DeleteFaqEntry.parse(Object.fromEntries(formData));
  // Only the confirmation step's form deletes; anything else is shown that step first.
  if (!confirmed) redirect(`/admin/faq/${encodeURIComponent(entryId)}?confirm=delete#confirm-heading`);
  await deleteFaqEntry({ actorId: coordinator.id, entryId });
  redirect("/admin/faq?saved=deleted");
}
