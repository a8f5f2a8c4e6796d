import { z } from "zod";
import { emailAddress, line, optionalLine, whenValid } from "@/lib/forms/schema";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { NEW_ORGANISATION } from "./constants";

export const SignUp = z
  .object({
    name: line(100, 2),
    email: emailAddress,
    organisationId: z
      .string({ error: "required" })
      .min(1, { error: "required" })
      .max(64, { error: "invalidChoice" }),
    proposedOrganisation: optionalLine(150),
    /** After the hint on similar organisations: one of them (its id), or NEW_ORGANISATION to propose anyway. */
    organisationChoice: optionalLine(64),
    jobFunction: line(100, 2),
    municipality: z.enum(MUNICIPALITIES, { error: "invalidChoice" }),
    topics: z
      .array(z.enum(TOPICS, { error: "invalidChoice" }))
      .min(1, { error: "chooseAtLeastOne" })
      .max(TOPICS.length),
    languages: z
      .array(z.enum(SPOKEN_LANGUAGES, { error: "invalidChoice" }))
      .min(1, { error: "chooseAtLeastOne" })
      .max(SPOKEN_LANGUAGES.length),
    privacyConsent: z.literal("on", { error: "consentRequired" }),
  })
  .superRefine(
    (value, ctx) => {
      if (value.organisationId === NEW_ORGANISATION && !value.proposedOrganisation) {
        ctx.addIssue({ code: "custom", path: ["proposedOrganisation"], message: "required" });
      }
    },
    whenValid("organisationId", "proposedOrganisation"),
  );
export type SignUp = z.infer<typeof SignUp>;

export const SIGN_UP_MULTI_FIELDS = ["topics", "languages"] as const;
