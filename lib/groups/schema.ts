import { z } from "zod";
import { CATEGORY_TRANSLATION_LOCALES, type CategoryTranslations } from "@/db/schema/enums";
import { line, optionalLine, whenValid } from "@/lib/forms/schema";

export const GroupInput = z.object({
  name: line(100, 2),
  description: z.string().trim().max(500, { error: "tooLong" }).default(""),
});

export const GroupMemberInput = z.object({
  groupId: z.string().min(1).max(64),
  email: z.string().trim().toLowerCase().min(1, { error: "required" }).max(254),
});

/** The form's translation fields: name_en, description_en, name_ar … */
const translationFields = Object.fromEntries(
  CATEGORY_TRANSLATION_LOCALES.flatMap((locale) => [
    [`name_${locale}`, optionalLine(80)],
    [`description_${locale}`, optionalLine(500)],
  ]),
) as Record<
  `${"name" | "description"}_${(typeof CATEGORY_TRANSLATION_LOCALES)[number]}`,
  ReturnType<typeof optionalLine>
>;

/** The filled-in translations, as stored in forum_categories.translations. */
function collectTranslations(values: Record<string, string | undefined>): CategoryTranslations {
  const translations: CategoryTranslations = {};
  for (const locale of CATEGORY_TRANSLATION_LOCALES) {
    const name = values[`name_${locale}`];
    const description = values[`description_${locale}`];
    if (name || description) translations[locale] = { name, description };
  }
  return translations;
}

export const CategoryForm = z
  .object({
    ...translationFields,
    id: z
      .string()
      .max(64)
      .optional()
      .transform((v) => v || undefined),
    name: line(80, 2),
    description: z.string().trim().max(500, { error: "tooLong" }).default(""),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "invalid" }),
    visibility: z.enum(["public", "members", "group"], { error: "invalidChoice" }),
    groupId: z
      .string()
      .max(64)
      .optional()
      .transform((v) => v || undefined),
    position: z.coerce.number().int().min(0).max(1000).default(0),
  })
  .refine((v) => v.visibility !== "group" || v.groupId, {
    error: "required",
    path: ["groupId"],
    ...whenValid("visibility", "groupId"),
  })
  .transform(({ id, name, description, color, visibility, groupId, position, ...rest }) => ({
    id,
    name,
    description,
    color,
    visibility,
    groupId,
    position,
    translations: collectTranslations(rest),
  }));
