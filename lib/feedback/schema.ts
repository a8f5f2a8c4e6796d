import { z } from "zod";
import { optionalLine } from "@/lib/forms/schema";

export const AccessibilityFeedback = z.object({
  name: optionalLine(100),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { error: "tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.email({ error: "invalidEmail" }).optional()),
  pageUrl: optionalLine(500),
  message: z
    .string({ error: "required" })
    .trim()
    .min(10, { error: "tooShort" })
    .max(5000, { error: "tooLong" }),
});
export type AccessibilityFeedback = z.infer<typeof AccessibilityFeedback>;
