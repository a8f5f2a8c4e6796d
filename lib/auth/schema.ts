import { z } from "zod";
import { emailAddress } from "@/lib/forms/schema";
import { safeNextPath } from "./next-path";
import { CODE_LENGTH, normalizeCode } from "./tokens-format";

/** `next`: the page to return to after sign-in; anything unsafe is dropped, never an error. */
export const RequestSignInLink = z.object({
  email: emailAddress,
  next: z.unknown().optional().transform(safeNextPath),
});
export type RequestSignInLink = z.infer<typeof RequestSignInLink>;

/** The short code from the sign-in mail, typed on this device: "k7p4 qx2m" is read as "K7P4QX2M". */
export const EnterCode = z.object({
  email: emailAddress,
  code: z
    .string({ error: "required" })
    .transform(normalizeCode)
    .pipe(z.string().min(1, { error: "required" }).length(CODE_LENGTH, { error: "codeFormat" })),
  next: z.unknown().optional().transform(safeNextPath),
});
export type EnterCode = z.infer<typeof EnterCode>;
