import { z } from "zod";
import { optionalLine } from "@/lib/forms/schema";

export const DecideApplication = z
  .object({
    applicationId: z.string().min(1).max(64),
    decision: z.enum(["approved", "rejected"], { error: "invalidChoice" }),
    reason: optionalLine(1000),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "rejected" && !value.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
    }
  });
export type DecideApplication = z.infer<typeof DecideApplication>;
