import { z } from "zod";
import { OFFER_FORMATS } from "@/db/schema";
import { line, optionalLine, optionalMultiline } from "@/lib/forms/schema";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** Form fields that carry several values (checkbox groups). */
export const OFFER_MULTI_FIELDS = ["topics", "languages", "formats"] as const;

/** The offer form, for adding and for editing (then with `offerId`). */
export const OfferInput = z.object({
  organisationId: z.string().min(1).max(64),
  offerId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
  title: line(150, 3),
  description: optionalMultiline(4000),
  topics: z.array(z.enum(TOPICS, { error: "invalidChoice" })).max(TOPICS.length),
  languages: z.array(z.enum(SPOKEN_LANGUAGES, { error: "invalidChoice" })).max(SPOKEN_LANGUAGES.length),
  formats: z
    .array(z.enum(OFFER_FORMATS, { error: "invalidChoice" }))
    .min(1, { error: "chooseAtLeastOne" })
    .max(OFFER_FORMATS.length),
  municipality: z.preprocess(blankToUndefined, z.enum(MUNICIPALITIES, { error: "invalidChoice" }).optional()),
  location: optionalLine(200),
  schedule: optionalLine(300),
  contact: optionalLine(300),
  visibility: z.enum(["public", "members"], { error: "invalidChoice" }),
});
export type OfferInput = z.infer<typeof OfferInput>;

export const DeleteOffer = z.object({
  organisationId: z.string().min(1).max(64),
  offerId: z.string().min(1).max(64),
});
export type DeleteOffer = z.infer<typeof DeleteOffer>;
