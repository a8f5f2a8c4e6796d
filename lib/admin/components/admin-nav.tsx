import { hasRole, type Viewer } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { ADMIN_NAV } from "../nav";

/** The admin area's pages this person may open. */
export async function AdminNav({ viewer }: { viewer: Viewer }) {
  const t = await getTranslations();
  const items = ADMIN_NAV.filter((item) => hasRole(viewer, item.role));
  return (
    <nav aria-label={t("admin.nav.label")} className="mb-8 border-b border-gray-300 pb-3">
      <ul className="flex flex-wrap gap-x-1 gap-y-1">
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href} className="inline-flex min-h-11 items-center rounded px-3 font-semibold">
              {t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
