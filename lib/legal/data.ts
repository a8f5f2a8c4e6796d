import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { settings } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";

export const LEGAL_PAGES = ["imprint", "privacy", "accessibility", "easyLanguage"] as const;
export type LegalPage = (typeof LEGAL_PAGES)[number];

const FALLBACK_POLICY_VERSION = "2026-11-01";

async function getSetting<T>(key: string): Promise<T | null> {
  const db = await getDb();
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key))
    .limit(1);
  return (row?.value as T | undefined) ?? null;
}

export async function getPolicyVersion(): Promise<string> {
  return (await getSetting<string>("privacy.policyVersion")) ?? FALLBACK_POLICY_VERSION;
}

/** The page's Markdown in the reader's language, German when it has no translation. */
export async function getLegalText(
  page: LegalPage,
  locale: Locale,
): Promise<{ markdown: string; locale: Locale } | null> {
  const texts = await getSetting<Partial<Record<Locale, string>>>(`legal.${page}`);
  if (!texts) return null;
  if (texts[locale]) return { markdown: texts[locale], locale };
  return texts.de ? { markdown: texts.de, locale: "de" } : null;
}
