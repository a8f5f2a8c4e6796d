import { getTranslations } from "@/lib/i18n/server";

export async function DemoBanner() {
  const t = await getTranslations("shell");
  return (
    <aside aria-label={t("demoLabel")} className="bg-amber-100 px-4 py-2 text-center text-sm text-ink">
      {t("demoBanner")} <a href="/dev/mailbox">{t("demoMailbox")}</a>
    </aside>
  );
}
