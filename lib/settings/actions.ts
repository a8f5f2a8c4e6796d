"use server";

import { revalidatePath } from "next/cache";
import { requireCapability } from "@/lib/admin/loaders";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import { formValues, toFieldErrors } from "@/lib/forms/schema";
import type { FieldErrors, FormState } from "@/lib/forms/state";
import { brandContrast, meetsAA } from "./contrast";
import { getSetting } from "./data";
import { processLogo } from "./logo";
import { updateLegalText, updateSettings } from "./mutations";
import { ColorSettings, GeneralSettings, LegalUpdate, LogoUpdate } from "./schema";
import { nextPolicyVersion } from "./utils";

export const saveGeneralSettingsAction = formAction(GeneralSettings, async (data) => {
  const admin = await requireCapability("settings.edit");
  await updateSettings({
    actorId: admin.id,
    values: {
      "network.name": data.networkName,
      "mail.senderName": data.senderName ?? null,
      "mail.senderAddress": data.senderAddress ?? null,
      "mail.replyTo": data.replyTo ?? null,
      "forum.holdFirstPosts": data.holdFirstPosts === "on",
    },
  });
  revalidatePath("/", "layout");
  return { status: "success", message: "saved" };
});

/** Colours are saved only when both reach WCAG AA (4.5:1) wherever they are used. */
export const saveColorsAction = formAction(ColorSettings, async (data, formData) => {
  const admin = await requireCapability("settings.edit");
  if (formData.get("intent") === "reset") {
    await updateSettings({ actorId: admin.id, values: { "network.colors": null } });
    revalidatePath("/", "layout");
    return { status: "success", message: "colorsReset" };
  }
  const fieldErrors: FieldErrors = {};
  for (const field of ["brand", "brandDark"] as const) {
    if (!meetsAA(data[field]))
      fieldErrors[field] = { key: "contrastTooLow", values: { ratio: brandContrast(data[field]) } };
  }
  if (Object.keys(fieldErrors).length > 0)
    return { status: "error", fieldErrors, values: formValues(formData) };
  await updateSettings({ actorId: admin.id, values: { "network.colors": data } });
  revalidatePath("/", "layout");
  return { status: "success", message: "colorsSaved" };
});

export const saveLogoAction = formAction(LogoUpdate, async ({ intent }, formData) => {
  const admin = await requireCapability("settings.edit");
  if (intent === "remove") {
    await updateSettings({
      actorId: admin.id,
      values: { "network.logo": null },
      action: "settings.logoRemoved",
    });
  } else {
    const file = formData.get("logo");
    if (!(file instanceof File))
      throw new AppError({ code: "invalid", message: "logoRequired", field: "logo" });
    const logo = await processLogo(file);
    await updateSettings({
      actorId: admin.id,
      action: "settings.logoUploaded",
      auditValues: false,
      values: {
        "network.logo": {
          id: crypto.randomUUID(),
          contentType: "image/png",
          data: logo.data.toString("base64"),
          width: logo.width,
          height: logo.height,
        },
      },
    });
  }
  revalidatePath("/", "layout");
  return { status: "success", message: intent === "remove" ? "logoRemoved" : "logoSaved" };
});

/**
 * Legal texts are long: unlike formAction (which echoes at most 2,000 characters per field), a failed
 * save gives every text back whole, so nothing typed is lost.
 */
export async function saveLegalTextAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireCapability("settings.edit");
  const parsed = LegalUpdate.safeParse(formValues(formData));
  if (!parsed.success)
    return { status: "error", fieldErrors: toFieldErrors(parsed.error), values: formValues(formData) };
  const data = parsed.data;
  const newVersion =
    data.page === "privacy" && data.newVersion === "on"
      ? nextPolicyVersion(await getSetting("privacy.policyVersion"))
      : null;
  const texts = Object.fromEntries(
    (["de", "en", "ar", "uk"] as const).map((l) => [l, data[l].trim()]).filter(([, text]) => text),
  );
  try {
    await updateLegalText({ actorId: admin.id, page: data.page, texts, newPolicyVersion: newVersion });
  } catch (error) {
    console.error("Saving a legal text failed:", error);
    return { status: "error", fieldErrors: {}, formError: "generic", values: formValues(formData) };
  }
  revalidatePath("/", "layout");
  return { status: "success", message: newVersion ? "legalSavedNewVersion" : "legalSaved" };
}
