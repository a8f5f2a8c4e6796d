import { getLocale } from "next-intl/server";
import { ORGANISATION_TYPES } from "@/db/schema/enums";
import { collatorFor } from "@/lib/i18n/intl";
import { getTranslations } from "@/lib/i18n/server";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { inputStyle, primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { HtmlElement } from "@/lib/ui/components/html-element";
import { type Html, html } from "@/lib/ui/html";
import { selectHtml } from "@/lib/ui/html-select";
import type { DirectoryFilters as Filters } from "../schema";

/**
 * The directory's search form: a plain GET form, so the result is a shareable URL and it works
 * without JavaScript. Submitting starts again at the first page (no `after`). Nothing in it is
 * interactive on the client, so it is written as one HTML string (lib/ui/html.ts): its ~85 options
 * as React elements cost the directory page a tenth of its rendering.
 */
export async function DirectoryFilters({ filters }: { filters: Filters }) {
  const t = await getTranslations("members.filters");
  const tt = await getTranslations("topics");
  const tl = await getTranslations("languages");
  const to = await getTranslations("organisations.types");
  const collator = collatorFor(await getLocale());
  const byLabel = (a: readonly [string, string], b: readonly [string, string]) =>
    collator.compare(a[1], b[1]);
  const active = Object.values(filters).some(Boolean);
  const select = (
    name: "topic" | "language" | "municipality" | "type",
    selected: string | undefined,
    options: readonly (readonly [string, string])[],
  ) =>
    selectHtml({
      id: `directory-${name}`,
      name,
      label: t(name),
      selected,
      any: t("any"),
      options,
      wrapper: "mb-5",
    });
  const form: Html = html`<form action="/members" method="get"><div class="mb-5"><label for="directory-q" class="mb-1 block font-semibold">${t("q")}</label><p id="directory-q-hint" class="mb-1 text-sm text-muted">${t("qHint")}</p><input id="directory-q" aria-describedby="directory-q-hint" type="search" maxlength="100" autocomplete="off" class="${inputStyle}" name="q" value="${filters.q ?? ""}"/></div><div class="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-4">${[
    select("topic", filters.topic, TOPICS.map((v) => [v, tt(v)] as const).sort(byLabel)),
    select("language", filters.language, SPOKEN_LANGUAGES.map((v) => [v, tl(v)] as const).sort(byLabel)),
    select(
      "municipality",
      filters.municipality,
      MUNICIPALITIES.map((v) => [v, v] as const),
    ),
    select(
      "type",
      filters.type,
      ORGANISATION_TYPES.map((v) => [v, to(v)] as const),
    ),
  ]}</div><div class="flex flex-wrap gap-3"><button type="submit" class="${primaryButton}">${t("submit")}</button>${
    active ? html`<a href="/members" class="${secondaryButton}">${t("clear")}</a>` : null
  }</div></form>`;
  return (
    <HtmlElement
      as="search"
      aria-label={t("label")}
      className="mb-8 block rounded-lg border border-gray-300 bg-gray-50 p-4"
      html={form}
    />
  );
}
