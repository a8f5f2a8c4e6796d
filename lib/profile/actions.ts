"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import { organisationIdsForChoices } from "@/lib/organisations/data";
import { removeProfilePhoto, setProfilePhoto, updateProfile } from "./mutations";
import { processPhoto } from "./photo";
import { PhotoUpdate, PROFILE_MULTI_FIELDS, ProfileInput } from "./schema";

export const updateProfileAction = formAction(
  ProfileInput,
  async (data) => {
    const viewer = await requireUser();
    const further = await organisationIdsForChoices(data.furtherOrganisations);
    if ("unknownSlot" in further) {
      // beside the field it was typed into (the fields' ids, lib/profile/components/profile-form.tsx)
      const field = `furtherOrganisations-${further.unknownSlot}`;
      throw new AppError({ code: "invalid", message: "unknownOrganisationName", field });
    }
    await updateProfile({ userId: viewer.id, data: { ...data, furtherOrganisations: further.ids } });
    revalidatePath("/", "layout");
    return { status: "success", message: "saved" };
  },
  { multi: PROFILE_MULTI_FIELDS },
);

/** Uploads a new photo, or removes the current one ("intent" is the button the member pressed). */
export const updatePhotoAction = formAction(PhotoUpdate, async ({ intent }, formData) => {
  const viewer = await requireUser();
  if (intent === "remove") {
    await removeProfilePhoto({ userId: viewer.id });
  } else {
    const file = formData.get("photo");
    if (!(file instanceof Blob) || file.size === 0) {
      throw new AppError({ code: "invalid", message: "imageRequired", field: "photo" });
    }
    await setProfilePhoto({ userId: viewer.id, photo: await processPhoto(file) });
  }
  revalidatePath("/", "layout");
  return { status: "success", message: intent === "remove" ? "photoRemoved" : "photoSaved" };
});
