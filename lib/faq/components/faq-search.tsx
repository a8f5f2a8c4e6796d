import type { Locale } from "@/lib/i18n/config";
import { getTranslations } from "@/lib/i18n/server";
import { inputStyle, primaryButton } from "@/lib/ui/components/button-styles";

/**
 * A plain GET form: searching works without JavaScript and the result has its own address. It names
 * the page's language, so a page opened with ?lang= (one cached page serves that and the cookie) is
 * searched and answered in that language, not the browser's.
 */
export async function FaqSearch({ query, locale }: { query: string; locale: Locale }) {
  const t = await getTranslations("faq");
  return (
    <search className="mb-8 block max-w-xl">
      <form action="/faq" method="get">
        <label htmlFor="faq-q" className="mb-1 block font-semibold">
          {t("searchLabel")}
        </label>
        <p id="faq-q-hint" className="mb-1 text-sm text-muted">
          {t("searchHint")}
        </p>
        <div className="flex gap-2">
          <input
            id="faq-q"
            type="search"
            name="q"
            defaultValue={query}
            aria-describedby="faq-q-hint"
            className={inputStyle}
            maxLength={200}
          />
          <button type="submit" className={primaryButton}>
            {t("searchSubmit")}
          </button>
        </div>
        <input type="hidden" name="lang" value={locale} />
      </form>
    </search>
  );
}
