import { z } from "zod";
import { emailAddress } from "@/lib/forms/schema";

export const RequestSignInLink = z.object({ email: emailAddress });
export type RequestSignInLink = z.infer<typeof RequestSignInLink>;
