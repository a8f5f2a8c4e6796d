import { getTranslations } from "@/lib/i18n/server";

/** In place of the delete button: the network's only admin must first make someone else admin. */
export async function LastAdminNote() {
  const t = await getTranslations("privacy");
  return (
    <p className="rounded-md border-s-4 border-danger bg-gray-50 p-3" id="last-admin-note">
      {t("lastAdmin")} <a href="/admin/users">{t("lastAdminLink")}</a>
    </p>
  );
}
