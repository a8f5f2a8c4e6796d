import { z } from "zod";
import type { CampaignAudience, CampaignVersion } from "@/db/schema/campaigns";
import { LEGAL_BASES, ORGANISATION_TYPES, ROLES } from "@/db/schema/enums";
import {
  emailAddress,
  isExistingDate,
  isExistingTime,
  line,
  multiline,
  optionalLine,
  validFields,
  whenValid,
} from "@/lib/forms/schema";
import { LOCALES } from "@/lib/i18n/config";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { MAX_BODY, MAX_SUBJECT, versionFields } from "./constants";

const listOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values)).max(100));
const checkbox = z.preprocess((v) => v === "on" || v === "1" || v === "true", z.boolean());

export const AudienceInput = z.object({
  members: checkbox,
  roles: listOf(ROLES),
  topics: listOf(TOPICS),
  languages: listOf(SPOKEN_LANGUAGES),
  municipalities: listOf(MUNICIPALITIES),
  organisationTypes: listOf(ORGANISATION_TYPES),
  contacts: checkbox,
});

const optionalText = (max: number) =>
  z
    .string()
    .max(max, { error: "tooLong" })
    .optional()
    .transform((v) => (v?.trim() ? v : undefined));

const requiredBody = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(MAX_BODY, { error: "tooLong" });

/** German is required; the other languages are optional, but each needs subject and text. */
const versionShape = {
  subjectDe: line(MAX_SUBJECT),
  bodyDe: requiredBody,
  subjectEn: optionalLine(MAX_SUBJECT),
  bodyEn: optionalText(MAX_BODY),
  subjectAr: optionalLine(MAX_SUBJECT),
  bodyAr: optionalText(MAX_BODY),
  subjectUk: optionalLine(MAX_SUBJECT),
  bodyUk: optionalText(MAX_BODY),
};

export const SaveCampaign = z
  .object({
    campaignId: z.string().max(100).optional(),
    /** The saved version the form was opened on (its updatedAt in ms): saveCampaign refuses an older one. */
    version: z
      .string()
      .regex(/^\d{1,16}$/)
      .optional(),
    kind: z.enum(["broadcast", "welcome"]).default("broadcast"),
    title: line(120),
    delayDays: z.preprocess(
      (v) => (v === "" || v === undefined ? undefined : v),
      z.coerce
        .number({ error: "invalidNumber" })
        .int({ error: "invalidNumber" })
        .min(0, { error: "tooSmall" })
        .max(365, { error: "tooBig" })
        .optional(),
    ),
    ...AudienceInput.shape,
    ...versionShape,
  })
  .superRefine((data, ctx) => {
    // each rule as soon as the fields it reads are valid, beside the other fields' errors
    const issue = (path: string, message: string, reads: string[]) => {
      if (validFields(ctx, [path, ...reads])) ctx.addIssue({ code: "custom", path: [path], message });
    };
    const values = data as Record<string, unknown>;
    if (data.kind === "broadcast" && !data.members && !data.contacts)
      issue("audience", "audienceEmpty", ["kind", "members", "contacts"]);
    if (data.kind === "welcome" && data.delayDays === undefined) issue("delayDays", "required", ["kind"]);
    for (const locale of LOCALES.filter((l) => l !== "de")) {
      const f = versionFields(locale);
      if (values[f.subject] && !values[f.body]) issue(f.body, "bodyMissing", [f.subject]);
      if (values[f.body] && !values[f.subject]) issue(f.subject, "subjectMissing", [f.body]);
    }
  }, whenValid());
export type SaveCampaignInput = z.infer<typeof SaveCampaign>;

export const toAudience = (data: z.infer<typeof AudienceInput>): CampaignAudience => ({
  members: data.members,
  roles: data.roles,
  topics: data.topics,
  languages: data.languages,
  municipalities: data.municipalities,
  organisationTypes: data.organisationTypes,
  contacts: data.contacts,
});

/** The language versions a form filled in (German always). */
export function toVersions(data: Record<string, unknown>): Partial<Record<string, CampaignVersion>> {
  const versions: Partial<Record<string, CampaignVersion>> = {};
  for (const locale of LOCALES) {
    const f = versionFields(locale);
    const subject = data[f.subject];
    const body = data[f.body];
    if (typeof subject === "string" && typeof body === "string" && subject && body) {
      versions[locale] = { subject, body };
    }
  }
  return versions;
}

const dateField = z
  .string({ error: "required" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalidDate" })
  .refine(isExistingDate, { error: "noSuchDate" });
const timeField = z
  .string({ error: "required" })
  .regex(/^\d{2}:\d{2}$/, { error: "invalidTime" })
  .refine(isExistingTime, { error: "noSuchTime" });

/** A date or time typed beside "send now" is a schedule meant but not chosen: never send at once then. */
const leftEmpty = z.string().max(0, { error: "scheduleWithSendNow" }).optional();

/** "Send now" (confirmed), or schedule for a date and time (Europe/Berlin). */
export const SendCampaign = z.discriminatedUnion("when", [
  z.object({
    campaignId: z.string().min(1).max(100),
    when: z.literal("now"),
    date: leftEmpty,
    time: leftEmpty,
    confirmNow: z.literal("on", { error: "confirmSendNow" }),
  }),
  z.object({
    campaignId: z.string().min(1).max(100),
    when: z.literal("later"),
    date: dateField,
    time: timeField,
  }),
]);

export const Subscribe = z.object({
  email: emailAddress,
  name: optionalLine(100),
  consent: z.literal("on", { error: "consentRequired" }),
});

export const StartImport = z.object({
  legalBasis: z.enum(LEGAL_BASES, { error: "required" }),
  legalNote: multiline(300),
});
