import { EVENT_FORMATS } from "@/db/schema/events";
import { getTranslations } from "@/lib/i18n/server";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { inputStyle, primaryButton } from "@/lib/ui/components/button-styles";
import type { EventFilters } from "../data";

/** A plain GET form: filters live in the address, so a list can be bookmarked and shared. */
export async function EventFilter({ filters }: { filters: EventFilters }) {
  const t = await getTranslations("events");
  const tc = await getTranslations();
  const filtered = Boolean(filters.topic || filters.language || filters.municipality || filters.format);
  const select = (
    name: string,
    label: string,
    all: string,
    value: string | undefined,
    options: [string, string][],
  ) => (
    <div>
      <label htmlFor={`filter-${name}`} className="mb-1 block font-semibold">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={inputStyle}>
        <option value="">{all}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <search aria-labelledby="event-filter-heading" className="mb-8 rounded-lg bg-gray-50 p-4">
      <h2 id="event-filter-heading" className="mb-3 text-xl font-bold">
        {t("filterTitle")}
      </h2>
      <form method="get" action="/events" className="grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {select("when", t("when"), t("upcoming"), filters.when === "past" ? "past" : undefined, [
          ["past", t("past")],
        ])}
        {select(
          "topic",
          t("topic"),
          t("allTopics"),
          filters.topic,
          TOPICS.map((k) => [k, tc(`topics.${k}`)]),
        )}
        {select(
          "language",
          t("language"),
          t("allLanguages"),
          filters.language,
          SPOKEN_LANGUAGES.map((k) => [k, tc(`languages.${k}`)]),
        )}
        {select(
          "municipality",
          t("municipality"),
          t("allMunicipalities"),
          filters.municipality,
          MUNICIPALITIES.map((m) => [m, m]),
        )}
        {select(
          "format",
          t("format"),
          t("allFormats"),
          filters.format,
          EVENT_FORMATS.map((f) => [f, t(`formats.${f}`)]),
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={primaryButton}>
            {t("filter")}
          </button>
          {filtered ? (
            <a href={filters.when === "past" ? "/events?when=past" : "/events"}>{t("reset")}</a>
          ) : null}
        </div>
      </form>
    </search>
  );
}
