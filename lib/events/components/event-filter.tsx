import { EVENT_FORMATS } from "@/db/schema/enums";
import { getTranslations } from "@/lib/i18n/server";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { primaryButton } from "@/lib/ui/components/button-styles";
import { HtmlElement } from "@/lib/ui/components/html-element";
import { html } from "@/lib/ui/html";
import { selectHtml } from "@/lib/ui/html-select";
import type { EventFilters } from "../list-data";

/**
 * A plain GET form: filters live in the address, so a list can be bookmarked and shared. Nothing in
 * it is interactive on the client, so it is one HTML string (lib/ui/html.ts), like the directory's.
 */
export async function EventFilter({ filters }: { filters: EventFilters }) {
  const t = await getTranslations("events");
  const tc = await getTranslations();
  const filtered = Boolean(filters.topic || filters.language || filters.municipality || filters.format);
  const select = (
    name: string,
    label: string,
    any: string,
    selected: string | undefined,
    options: (readonly [string, string])[],
  ) => selectHtml({ id: `filter-${name}`, name, label, selected, any, options });
  const form = html`<h2 id="event-filter-heading" class="mb-3 text-xl font-bold">${t("filterTitle")}</h2><form class="grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-3" action="/events" method="get">${[
    select("when", t("when"), t("upcoming"), filters.when === "past" ? "past" : undefined, [
      ["past", t("past")],
    ]),
    select(
      "topic",
      t("topic"),
      t("allTopics"),
      filters.topic,
      TOPICS.map((k) => [k, tc(`topics.${k}`)] as const),
    ),
    select(
      "language",
      t("language"),
      t("allLanguages"),
      filters.language,
      SPOKEN_LANGUAGES.map((k) => [k, tc(`languages.${k}`)] as const),
    ),
    select(
      "municipality",
      t("municipality"),
      t("allMunicipalities"),
      filters.municipality,
      MUNICIPALITIES.map((m) => [m, m] as const),
    ),
    select(
      "format",
      t("format"),
      t("allFormats"),
      filters.format,
      EVENT_FORMATS.map((f) => [f, t(`formats.${f}`)] as const),
    ),
  ]}<div class="flex flex-wrap items-center gap-3"><button type="submit" class="${primaryButton}">${t("filter")}</button>${
    filtered
      ? html`<a href="${filters.when === "past" ? "/events?when=past" : "/events"}">${t("reset")}</a>`
      : null
  }</div></form>`;
  return (
    <HtmlElement
      as="search"
      aria-labelledby="event-filter-heading"
      className="mb-8 rounded-lg bg-gray-50 p-4"
      html={form}
    />
  );
}
