import { ORGANISATION_TYPES, type OrganisationType } from "@/db/schema";
import { getTranslations } from "@/lib/i18n/server";
import { MUNICIPALITIES } from "@/lib/network/constants";
import { inputStyle, primaryButton } from "@/lib/ui/components/button-styles";

/** A plain GET form: the filters live in the address, so results can be bookmarked and shared. */
export async function OrganisationFilter(props: {
  q?: string;
  type?: OrganisationType;
  municipality?: string;
}) {
  const t = await getTranslations("organisations");
  const filtered = Boolean(props.q || props.type || props.municipality);
  return (
    <search aria-labelledby="filter-heading" className="mb-8 rounded-lg bg-gray-50 p-4">
      <h2 id="filter-heading" className="mb-3 text-xl font-bold">
        {t("filterTitle")}
      </h2>
      <form method="get" action="/organisations" className="grid items-end gap-4 sm:grid-cols-4">
        <div>
          <label htmlFor="filter-q" className="mb-1 block font-semibold">
            {t("search")}
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={props.q ?? ""}
            maxLength={100}
            className={inputStyle}
          />
        </div>
        <div>
          <label htmlFor="filter-type" className="mb-1 block font-semibold">
            {t("type")}
          </label>
          <select id="filter-type" name="type" defaultValue={props.type ?? ""} className={inputStyle}>
            <option value="">{t("allTypes")}</option>
            {ORGANISATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-municipality" className="mb-1 block font-semibold">
            {t("municipality")}
          </label>
          <select
            id="filter-municipality"
            name="municipality"
            defaultValue={props.municipality ?? ""}
            className={inputStyle}
          >
            <option value="">{t("allMunicipalities")}</option>
            {MUNICIPALITIES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className={primaryButton}>
            {t("filter")}
          </button>
          {filtered ? <a href="/organisations">{t("reset")}</a> : null}
        </div>
      </form>
    </search>
  );
}
