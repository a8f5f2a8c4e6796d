import { z } from "zod";
import { line, optionalLine, optionalPhone, optionalWebsite } from "@/lib/forms/schema";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { BIO_MAX, MAX_FURTHER_ORGANISATIONS } from "./constants";

/** A visibility choice from a <select>: "0" everyone, "1" members, "2" only the member. */
const visibility = z
  .enum(["0", "1", "2"], { error: "invalidChoice" })
  .transform((v) => Number(v) as 0 | 1 | 2);
/** The name is what members find each other by: it is never hidden. */
const nameVisibility = z.enum(["0", "1"], { error: "invalidChoice" }).transform((v) => Number(v) as 0 | 1);

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.literal(""), z.enum(values, { error: "invalidChoice" })], { error: "invalidChoice" })
    .optional()
    .transform((v) => (v ? v : undefined));

export const ProfileInput = z.object({
  name: line(100, 2),
  jobFunction: optionalLine(100),
  municipality: optionalChoice(MUNICIPALITIES),
  topics: z.array(z.enum(TOPICS, { error: "invalidChoice" })).max(TOPICS.length),
  languages: z.array(z.enum(SPOKEN_LANGUAGES, { error: "invalidChoice" })).max(SPOKEN_LANGUAGES.length),
  // One field per slot, empty ones send "": the organisations as typed, slot by slot (the action
  // turns them into ids, lib/profile/actions.ts).
  furtherOrganisations: z
    .array(z.string().trim().max(300, { error: "invalidChoice" }))
    .max(MAX_FURTHER_ORGANISATIONS, { error: "invalidChoice" }),
  // Markdown: line breaks are content, so no single-line rules; rendered through lib/markdown.
  bio: z
    .string()
    .trim()
    .max(BIO_MAX, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v.replace(/\r\n/g, "\n") : undefined)),
  contactEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.email({ error: "invalidEmail" }).optional()),
  phone: optionalPhone,
  website: optionalWebsite,
  visName: nameVisibility,
  visPhoto: visibility,
  visJobFunction: visibility,
  visOrganisation: visibility,
  visMunicipality: visibility,
  visTopics: visibility,
  visLanguages: visibility,
  visBio: visibility,
  visContact: visibility,
});
export type ProfileInput = z.infer<typeof ProfileInput>;

export const PROFILE_MULTI_FIELDS = ["topics", "languages", "furtherOrganisations"] as const;

/** The visibility fields in the order the form shows them. */
export const VISIBILITY_FIELDS = [
  "visName",
  "visPhoto",
  "visJobFunction",
  "visOrganisation",
  "visMunicipality",
  "visTopics",
  "visLanguages",
  "visBio",
  "visContact",
] as const;
export type VisibilityField = (typeof VISIBILITY_FIELDS)[number];

/** The photo form: the file travels beside these fields; "intent" is the button that was pressed. */
export const PhotoUpdate = z.object({ intent: z.enum(["upload", "remove"]).catch("upload") });
export type PhotoUpdate = z.infer<typeof PhotoUpdate>;
