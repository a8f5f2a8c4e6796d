import { z } from "zod";
import { ORGANISATION_TYPES } from "@/db/schema";
import {
  emailAddress,
  line,
  optionalLine,
  optionalMultiline,
  optionalPhone,
  optionalWebsite,
} from "@/lib/forms/schema";
import { MUNICIPALITIES } from "@/lib/network/constants";

/** "" and whitespace become undefined, so optional fields can be left empty. */
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const UpdateOrganisation = z.object({
  organisationId: z.string().min(1).max(64),
  name: line(150, 2),
  type: z.enum(ORGANISATION_TYPES, { error: "invalidChoice" }),
  description: optionalMultiline(4000),
  street: optionalLine(150),
  postcode: optional(
    z
      .string()
      .trim()
      .regex(/^\d{5}$/, { error: "invalidPostcode" }),
  ),
  city: optionalLine(100),
  municipality: optional(z.enum(MUNICIPALITIES, { error: "invalidChoice" })),
  phone: optionalPhone,
  email: optional(emailAddress),
  website: optionalWebsite,
});
export type UpdateOrganisation = z.infer<typeof UpdateOrganisation>;

export const DecideOrganisation = z.object({
  organisationId: z.string().min(1).max(64),
  decision: z.enum(["confirm", "reject"], { error: "invalidChoice" }),
});
export type DecideOrganisation = z.infer<typeof DecideOrganisation>;

/** The slug, or the whole address of the organisation's page pasted in. */
const organisationSlug = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(300, { error: "tooLong" })
  .transform(
    (v) =>
      v
        .replace(/[?#].*$/, "")
        .replace(/\/+$/, "")
        .split("/")
        .at(-1) ?? "",
  )
  .pipe(z.string().regex(/^[a-z0-9-]{1,100}$/, { error: "unknownOrganisation" }));

export const SetOrganisationAdmin = z.object({
  organisation: organisationSlug,
  email: emailAddress,
  isAdmin: z.enum(["true", "false"], { error: "invalidChoice" }).transform((v) => v === "true"),
});
export type SetOrganisationAdmin = z.infer<typeof SetOrganisationAdmin>;

/**
 * The existing organisation a proposal's people go to: one of the similar ones offered (`intoId`), or
 * any confirmed one typed as suggested (`intoName`), which the action looks up by name.
 */
export const MergeOrganisation = z
  .object({
    organisationId: z.string().min(1).max(64),
    intoId: z.string().min(1).max(64).optional(),
    intoName: line(300).optional(),
  })
  .refine((d) => d.intoId !== undefined || d.intoName !== undefined, {
    error: "required",
    path: ["intoName"],
  });
export type MergeOrganisation = z.infer<typeof MergeOrganisation>;
