import type { Metadata } from "next";
import { env } from "@/lib/env";
import { LOCALES } from "@/lib/i18n/config";

/**
 * Language alternates for a public page whose language comes from the visitor: `?lang=xx` shows it in
 * that language (see lib/page-cache/paths.ts), the plain address negotiates.
 */
export function languageAlternates(path: string): Metadata["alternates"] {
  return {
    canonical: path,
    languages: {
      ...Object.fromEntries(LOCALES.map((locale) => [locale, `${path}?lang=${locale}`])),
      "x-default": path,
    },
  };
}

export const metadataBase = () => new URL(env.APP_URL);
