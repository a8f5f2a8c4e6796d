import { z } from "zod";
import { optionalMultiline, whenValid } from "@/lib/forms/schema";

export const DecideApplication = z
  .object({
    applicationId: z.string().min(1).max(64),
    decision: z.enum(["approved", "rejected"], { error: "invalidChoice" }),
    /** A two-row textarea: the applicant reads it in the rejection mail, line breaks included. */
    reason: optionalMultiline(1000),
  })
  .superRefine(
    (value, ctx) => {
      if (value.decision === "rejected" && !value.reason) {
        ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
      }
    },
    whenValid("decision", "reason"),
  );
export type DecideApplication = z.infer<typeof DecideApplication>;
