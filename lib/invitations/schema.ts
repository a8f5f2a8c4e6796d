import { z } from "zod";
import { emailAddress, line } from "@/lib/forms/schema";
import { LOCALES } from "@/lib/i18n/config";

export const Invite = z.object({
  name: line(100, 2),
  email: emailAddress,
  locale: z.enum(LOCALES, { error: "invalidChoice" }).default("de"),
});
export type Invite = z.infer<typeof Invite>;

export const MAX_CSV_BYTES = 512 * 1024;
export const MAX_CSV_ROWS = 1000;
