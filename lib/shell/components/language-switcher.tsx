import { getLocale } from "next-intl/server";
import { LOCALES } from "@/lib/i18n/config";
import { getTranslations } from "@/lib/i18n/server";

const NATIVE_NAMES = { de: "Deutsch", en: "English", ar: "العربية", uk: "Українська" } as const;

/** Plain links (no JavaScript needed); each name is written in its own language. */
export async function LanguageSwitcher({ className }: { className?: string }) {
  const locale = await getLocale();
  const t = await getTranslations("shell");
  return (
    <nav aria-label={t("languageNav")} className={className}>
      <ul className="flex flex-wrap md:gap-1">
        {LOCALES.map((code) => (
          <li key={code}>
            <a
              href={`/language?set=${code}`}
              lang={code}
              hrefLang={code}
              aria-current={code === locale ? "true" : undefined}
              className="lang-link"
            >
              {NATIVE_NAMES[code]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
