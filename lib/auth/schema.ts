import { z } from "zod";
import { emailAddress } from "@/lib/forms/schema";
import { safeNextPath } from "./next-path";

/** `next`: the page to return to after sign-in; anything unsafe is dropped, never an error. */
export const RequestSignInLink = z.object({
  email: emailAddress,
  next: z.unknown().optional().transform(safeNextPath),
});
export type RequestSignInLink = z.infer<typeof RequestSignInLink>;
