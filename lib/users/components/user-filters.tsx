import { ROLES } from "@/db/schema";
import { getTranslations } from "@/lib/i18n/server";
import { inputStyle, primaryButton } from "@/lib/ui/components/button-styles";
import { USER_FILTER_STATUSES, type UserFilter } from "../schema";

/** A GET form: filters live in the address, so a filtered list can be bookmarked and works without JS. */
export async function UserFilters({ filter }: { filter: UserFilter }) {
  const t = await getTranslations("admin.users");
  return (
    <form
      method="get"
      action="/admin/users"
      className="mb-6 grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
    >
      <div>
        <label htmlFor="user-q" className="mb-1 block font-semibold">
          {t("search")}
        </label>
        <input id="user-q" name="q" type="search" defaultValue={filter.q ?? ""} className={inputStyle} />
      </div>
      <div>
        <label htmlFor="user-role" className="mb-1 block font-semibold">
          {t("role")}
        </label>
        <select id="user-role" name="role" defaultValue={filter.role ?? ""} className={inputStyle}>
          <option value="">{t("allRoles")}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="user-status" className="mb-1 block font-semibold">
          {t("status")}
        </label>
        <select id="user-status" name="status" defaultValue={filter.status ?? ""} className={inputStyle}>
          <option value="">{t("allStatuses")}</option>
          {USER_FILTER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`statuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={primaryButton}>
        {t("filter")}
      </button>
    </form>
  );
}
