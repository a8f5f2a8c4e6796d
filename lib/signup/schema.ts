import { z } from "zod";
import { emailAddress, line, optionalLine } from "@/lib/forms/schema";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";

export const SignUp = z.object({
  name: line(100, 2),
  email: emailAddress,
  /** A confirmed organisation as suggested (its name), or the name of one to propose. */
  organisation: line(150, 2),
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
});
export type SignUp = z.infer<typeof SignUp>;

export const SIGN_UP_MULTI_FIELDS = ["topics", "languages"] as const;
