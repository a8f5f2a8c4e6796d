import { z } from "zod";
import { EMAIL_MODES, NOTIFICATION_KINDS } from "@/db/schema/enums";

export const NotificationIdInput = z.object({
  id: z.string().trim().min(1).max(64),
  /** The page the button was on (its keyset cursor), to come back to. */
  before: z.string().max(200).optional(),
});

export const SettingsInput = z.object({
  digestHour: z.coerce
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(0, { error: "invalid" })
    .max(23, { error: "invalid" }),
  ...Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [`mode_${kind}`, z.enum(EMAIL_MODES, { error: "invalid" })]),
  ),
}) as unknown as z.ZodType<
  { digestHour: number } & Record<`mode_${(typeof NOTIFICATION_KINDS)[number]}`, (typeof EMAIL_MODES)[number]>
>;

export const TurnOffInput = z.object({ token: z.string().min(1).max(512) });
