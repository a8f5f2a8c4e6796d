import { z } from "zod";
import { emailAddress } from "@/lib/forms/schema";

/** The new sign-in address a member asks for (lower-cased, like every stored address). */
export const RequestEmailChange = z.object({ email: emailAddress });
export type RequestEmailChange = z.infer<typeof RequestEmailChange>;
