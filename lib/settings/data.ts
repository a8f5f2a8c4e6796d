import "server-only";
import { eq, inArray } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db/client";
import { settings } from "@/db/schema";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { DEFAULT_COLORS, SETTING_DEFAULTS, type SettingKey, type Settings } from "./schema";
import { mailSenderHeader } from "./utils";

/** One typed setting, or its default when nobody has saved it yet. */
export async function getSetting<K extends SettingKey>(key: K): Promise<Settings[K]> {
  return (await getSettings([key]))[key];
}

/** Several settings in one query. */
export async function getSettings<K extends SettingKey>(keys: readonly K[]): Promise<Pick<Settings, K>> {
  const db = await getDb();
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, [...keys]));
  const found = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(
    keys.map((key) => [key, found.has(key) ? found.get(key) : SETTING_DEFAULTS[key]]),
  ) as Pick<Settings, K>;
}

export type NetworkBranding = {
  name: string | null;
  colors: { brand: string; brandDark: string };
  customColors: boolean;
  logo: { id: string; width: number; height: number } | null;
};

/** What the header shows on every page: one query per request. */
export const getNetworkBranding = cache(async (): Promise<NetworkBranding> => {
  const s = await getSettings(["network.name", "network.colors", "network.logo"]);
  const logo = s["network.logo"];
  return {
    name: s["network.name"],
    colors: s["network.colors"] ?? { ...DEFAULT_COLORS },
    customColors: s["network.colors"] !== null,
    logo: logo ? { id: logo.id, width: logo.width, height: logo.height } : null,
  };
});

/** The logo's bytes for its route. */
export async function getNetworkLogo(): Promise<{ id: string; contentType: string; data: Buffer } | null> {
  const logo = await getSetting("network.logo");
  return logo ? { id: logo.id, contentType: logo.contentType, data: Buffer.from(logo.data, "base64") } : null;
}

/**
 * The network's name for mails and calendar feeds: the configured one, else the product's name in the
 * recipient's language. Read per mail, like the sender: a process cache would miss another process's save.
 */
export async function getNetworkName(locale: Locale): Promise<string> {
  return (await getSetting("network.name")) ?? translatorFor(locale)("shell.siteName");
}

/** The From header for outgoing mail, or null to use MAIL_FROM (a name alone goes with its address). */
export async function getMailSender(): Promise<string | null> {
  const s = await getSettings(["mail.senderName", "mail.senderAddress"]);
  return mailSenderHeader(s["mail.senderName"], s["mail.senderAddress"], env.MAIL_FROM);
}

/** The coordination office's address for Reply-To, or null when admins have set none. */
export async function getReplyTo(): Promise<string | null> {
  return getSetting("mail.replyTo");
}

/** A legal page's Markdown per language, for editing. */
export async function getLegalTexts(
  page: string,
): Promise<Partial<Record<"de" | "en" | "ar" | "uk", string>>> {
  const db = await getDb();
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, `legal.${page}`));
  return (row?.value as Partial<Record<"de" | "en" | "ar" | "uk", string>> | undefined) ?? {};
}
