import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("deletedTitle") };
}

export default async function AccountDeletedPage() {
  const t = await getTranslations("privacy");
  return (
    <div className="max-w-2xl">
      <h1 className="mb-3 text-3xl font-bold">{t("deletedTitle")}</h1>
      <p className="mb-4">{t("deletedText")}</p>
      <a href="/">{t("toStart")}</a>
    </div>
  );
}
