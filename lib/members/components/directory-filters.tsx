import { getLocale } from "next-intl/server";
import { ORGANISATION_TYPES } from "@/db/schema/network";
import { collatorFor } from "@/lib/i18n/intl";
import { getTranslations } from "@/lib/i18n/server";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { inputStyle, primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { Field, SelectField } from "@/lib/ui/components/field";
import type { DirectoryFilters as Filters } from "../schema";

/**
 * The directory's search form: a plain GET form, so the result is a shareable URL and it works
 * without JavaScript. Submitting starts again at the first page (no `after`).
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
  return (
    <search aria-label={t("label")} className="mb-8 block rounded-lg border border-gray-300 bg-gray-50 p-4">
      <form method="get" action="/members">
        <Field id="directory-q" label={t("q")} hint={t("qHint")}>
          {(aria) => (
            <input
              {...aria}
              type="search"
              name="q"
              defaultValue={filters.q ?? ""}
              maxLength={100}
              autoComplete="off"
              className={inputStyle}
            />
          )}
        </Field>
        <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            id="directory-topic"
            name="topic"
            label={t("topic")}
            defaultValue={filters.topic ?? ""}
            placeholder={t("any")}
            options={TOPICS.map((v) => [v, tt(v)] as const).sort(byLabel)}
          />
          <SelectField
            id="directory-language"
            name="language"
            label={t("language")}
            defaultValue={filters.language ?? ""}
            placeholder={t("any")}
            options={SPOKEN_LANGUAGES.map((v) => [v, tl(v)] as const).sort(byLabel)}
          />
          <SelectField
            id="directory-municipality"
            name="municipality"
            label={t("municipality")}
            defaultValue={filters.municipality ?? ""}
            placeholder={t("any")}
            options={MUNICIPALITIES.map((v) => [v, v] as const)}
          />
          <SelectField
            id="directory-type"
            name="type"
            label={t("type")}
            defaultValue={filters.type ?? ""}
            placeholder={t("any")}
            options={ORGANISATION_TYPES.map((v) => [v, to(v)] as const)}
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={primaryButton}>
            {t("submit")}
          </button>
          {active ? (
            <a href="/members" className={secondaryButton}>
              {t("clear")}
            </a>
          ) : null}
        </div>
      </form>
    </search>
  );
}
