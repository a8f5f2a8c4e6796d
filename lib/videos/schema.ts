import { z } from "zod";
import { line, whenValid } from "@/lib/forms/schema";
import { youtubeId } from "./utils";

export const VIDEO_TRANSLATION_LOCALES = ["en", "ar", "uk"] as const;
export type VideoTranslationLocale = (typeof VIDEO_TRANSLATION_LOCALES)[number];

const id = z.string({ error: "invalid" }).trim().min(1, { error: "invalid" }).max(64, { error: "invalid" });
const longText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((v) => v ?? "");

export const SaveVideo = z
  .object({
    videoId: id.optional(),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(80, { error: "tooLong" })
      .regex(/^([a-z0-9][a-z0-9-]*)?$/, { error: "invalidSlug" })
      .optional()
      .transform((v) => (v ? v : undefined)),
    kind: z.enum(["upload", "external"], { error: "invalidChoice" }),
    externalUrl: z.string().trim().max(300, { error: "tooLong" }).optional(),
    title: line(200),
    description: longText(2000),
    transcript: longText(50000),
    published: z
      .string()
      .optional()
      .transform((v) => v === "on"),
  })
  // A rule, not a check inside the transform: zod skips transforms while any field is invalid, and
  // the address's message would show only after the title (say) was fixed and the form sent again.
  .superRefine(
    (data, ctx) => {
      if (data.kind === "external" && !youtubeId(data.externalUrl ?? ""))
        ctx.addIssue({
          code: "custom",
          path: ["externalUrl"],
          message: data.externalUrl ? "invalidYoutube" : "required",
        });
    },
    whenValid("kind", "externalUrl"),
  )
  .transform((data) => ({
    ...data,
    externalId: data.kind === "external" ? youtubeId(data.externalUrl ?? "") : null,
  }));
export type SaveVideo = z.infer<typeof SaveVideo>;

export const SaveVideoTranslation = z.object({
  videoId: id,
  locale: z.enum(VIDEO_TRANSLATION_LOCALES, { error: "invalidChoice" }),
  title: line(200),
  description: longText(2000),
  transcript: longText(50000),
});
export type SaveVideoTranslation = z.infer<typeof SaveVideoTranslation>;

export const SaveCaptions = z.object({
  videoId: id,
  locale: z.enum(["de", "en", "ar", "uk"], { error: "invalidChoice" }),
});

/** Deleting for good: `confirmed` comes only from the confirmation step. */
export const DeleteVideo = z.object({ videoId: id, confirmed: z.literal("yes").optional().catch(undefined) });

export const MoveVideo = z.object({ videoId: id, direction: z.enum(["up", "down"]) });
export const SetVideoPublished = z.object({ videoId: id, published: z.enum(["1", "0"]) });
