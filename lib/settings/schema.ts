import { z } from "zod";
import { line, optionalLine } from "@/lib/forms/schema";
import { LEGAL_PAGES } from "@/lib/legal/data";

/** Every typed setting with its default; stored as JSON in the settings table under its key. */
export type Settings = {
  "network.name": string | null;
  "network.colors": { brand: string; brandDark: string } | null;
  "network.logo": { id: string; contentType: string; data: string; width: number; height: number } | null;
  "mail.senderName": string | null;
  "mail.senderAddress": string | null;
  /** Where replies to the network's mails go (the coordination office); null: mails invite no reply. */
  "mail.replyTo": string | null;
  "forum.holdFirstPosts": boolean;
  "privacy.policyVersion": string;
  /** When an admin last published a new version (ISO time); null until the first one. */
  "privacy.policyPublishedAt": string | null;
};
export type SettingKey = keyof Settings;

export const SETTING_DEFAULTS: Settings = {
  "network.name": null,
  "network.colors": null,
  "network.logo": null,
  "mail.senderName": null,
  "mail.senderAddress": null,
  "mail.replyTo": null,
  "forum.holdFirstPosts": false,
  "privacy.policyVersion": "2026-11-01",
  "privacy.policyPublishedAt": null,
};

export const DEFAULT_COLORS = { brand: "#0b5394", brandDark: "#073763" } as const;

const hexColor = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, { error: "colorFormat" });

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: "tooLong" })
  .optional()
  .transform((v) => v || undefined)
  .pipe(z.email({ error: "invalidEmail" }).optional());

export const GeneralSettings = z.object({
  networkName: line(80),
  senderName: optionalLine(80),
  senderAddress: optionalEmail,
  replyTo: optionalEmail,
  holdFirstPosts: z.literal("on").optional(),
});
export type GeneralSettings = z.infer<typeof GeneralSettings>;

export const ColorSettings = z.object({ brand: hexColor, brandDark: hexColor });
export type ColorSettings = z.infer<typeof ColorSettings>;

export const LogoUpdate = z.object({ intent: z.enum(["upload", "remove"]) });

const legalText = z.string().max(100_000, { error: "tooLong" }).optional().default("");
export const LegalUpdate = z.object({
  page: z.enum(LEGAL_PAGES, { error: "invalidChoice" }),
  de: z.string().trim().min(1, { error: "required" }).max(100_000, { error: "tooLong" }),
  en: legalText,
  ar: legalText,
  uk: legalText,
  newVersion: z.literal("on").optional(),
});
export type LegalUpdate = z.infer<typeof LegalUpdate>;
