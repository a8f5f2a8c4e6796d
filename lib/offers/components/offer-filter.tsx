import { OFFER_FORMATS } from "@/db/schema/enums";
import { getTranslations } from "@/lib/i18n/server";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { inputStyle, primaryButton } from "@/lib/ui/components/button-styles";
import { HtmlElement } from "@/lib/ui/components/html-element";
import { html } from "@/lib/ui/html";
import { selectHtml } from "@/lib/ui/html-select";
import type { OfferFilters } from "../data";

/** A plain GET form, like the events' filter: the search lives in the address and can be shared. */
export async function OfferFilter({ filters }: { filters: OfferFilters }) {
  const t = await getTranslations("offers");
  const tc = await getTranslations();
  const filtered = Object.values(filters).some(Boolean);
  const select = (name: keyof OfferFilters, any: string, options: readonly (readonly [string, string])[]) =>
    selectHtml({
      id: `offer-filter-${name}`,
      name,
      label: t(`filter.${name as "topic"}`),
      selected: filters[name],
      any,
      options,
    });
  const form = html`<h2 id="offer-filter-heading" class="mb-3 text-xl font-bold">${t("filter.title")}</h2><form class="grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-3" action="/offers" method="get"><div><label for="offer-filter-q" class="mb-1 block font-semibold">${t("filter.q")}</label><p id="offer-filter-q-hint" class="mb-1 text-sm text-muted">${t("filter.qHint")}</p><input id="offer-filter-q" name="q" type="search" maxlength="100" value="${filters.q ?? ""}" aria-describedby="offer-filter-q-hint" class="${inputStyle}"></div>${[
    select(
      "topic",
      t("filter.allTopics"),
      TOPICS.map((k) => [k, tc(`topics.${k}`)] as const),
    ),
    select(
      "language",
      t("filter.allLanguages"),
      SPOKEN_LANGUAGES.map((k) => [k, tc(`languages.${k}`)] as const),
    ),
    select(
      "municipality",
      t("filter.allMunicipalities"),
      MUNICIPALITIES.map((m) => [m, m] as const),
    ),
    select(
      "format",
      t("filter.allFormats"),
      OFFER_FORMATS.map((f) => [f, tc(`organisations.offers.formats.${f}`)] as const),
    ),
  ]}<div class="flex flex-wrap items-center gap-3"><button type="submit" class="${primaryButton}">${t("filter.submit")}</button>${
    filtered ? html`<a href="/offers">${t("filter.reset")}</a>` : null
  }</div></form>`;
  return (
    <HtmlElement
      as="search"
      aria-labelledby="offer-filter-heading"
      className="mb-8 rounded-lg bg-gray-50 p-4"
      html={form}
    />
  );
}
