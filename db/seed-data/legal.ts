/** Default legal pages (Markdown, headings from ##), seeded into `settings` and editable by admins. */
import fs from "node:fs";
import path from "node:path";
import { LOCALES, type Locale } from "@/lib/i18n/config";

/** Version of the default privacy policy; consents record it. */
export const PRIVACY_POLICY_VERSION = "2026-11-01";

/** Settings key suffix (`legal.<key>`) → file name stem in db/seed-data/legal. */
export const LEGAL_PAGES = {
  imprint: "imprint",
  privacy: "privacy",
  accessibility: "accessibility",
  easyLanguage: "easy-language",
} as const;
export type LegalPage = keyof typeof LEGAL_PAGES;
export type LegalText = Record<Locale, string>;

const legalFolder = () => path.join(process.cwd(), "db/seed-data/legal");

export function loadLegalText(page: LegalPage): LegalText {
  const entries = LOCALES.map((locale) => {
    const file = path.join(legalFolder(), `${LEGAL_PAGES[page]}.${locale}.md`);
    return [locale, fs.readFileSync(file, "utf8")] as const;
  });
  return Object.fromEntries(entries) as LegalText;
}

export function loadLegalTexts(): Record<LegalPage, LegalText> {
  return {
    imprint: loadLegalText("imprint"),
    privacy: loadLegalText("privacy"),
    accessibility: loadLegalText("accessibility"),
    easyLanguage: loadLegalText("easyLanguage"),
  };
}
