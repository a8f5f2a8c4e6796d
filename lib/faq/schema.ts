import { z } from "zod";
import { line } from "@/lib/forms/schema";

export const TRANSLATION_LOCALES = ["en", "ar", "uk"] as const;
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

const id = z.string({ error: "invalid" }).trim().min(1, { error: "invalid" }).max(64, { error: "invalid" });
const answer = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(10000, { error: "tooLong" });
/** Empty means "make one from the question". */
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .max(80, { error: "tooLong" })
  .regex(/^([a-z0-9][a-z0-9-]*)?$/, { error: "invalidSlug" })
  .optional()
  .transform((v) => (v ? v : undefined));
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true");

export const SaveFaqEntry = z.object({
  entryId: id.optional(),
  categoryId: id.pipe(z.string({ error: "invalidChoice" })),
  slug,
  question: line(300),
  answer,
  published: checkbox,
});
export type SaveFaqEntry = z.infer<typeof SaveFaqEntry>;

export const SaveFaqTranslation = z.object({
  entryId: id,
  locale: z.enum(TRANSLATION_LOCALES, { error: "invalidChoice" }),
  question: line(300),
  answer,
});
export type SaveFaqTranslation = z.infer<typeof SaveFaqTranslation>;

/** Deleting for good: `confirmed` comes only from the confirmation step. */
export const DeleteFaqEntry = z.object({
  entryId: id,
  confirmed: z.literal("yes").optional().catch(undefined),
});

export const MoveFaqEntry = z.object({ entryId: id, direction: z.enum(["up", "down"]) });
export type MoveFaqEntry = z.infer<typeof MoveFaqEntry>;

export const SetFaqPublished = z.object({ entryId: id, published: z.enum(["1", "0"]) });
export type SetFaqPublished = z.infer<typeof SetFaqPublished>;

export const SaveFaqCategory = z.object({
  categoryId: id.optional(),
  nameDe: line(120),
  nameEn: z.string().trim().max(120, { error: "tooLong" }).optional(),
  nameAr: z.string().trim().max(120, { error: "tooLong" }).optional(),
  nameUk: z.string().trim().max(120, { error: "tooLong" }).optional(),
});
export type SaveFaqCategory = z.infer<typeof SaveFaqCategory>;

export const FaqSearch = z.string().trim().max(200).catch("");
