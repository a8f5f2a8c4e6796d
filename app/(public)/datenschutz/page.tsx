import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { LegalPageView } from "@/lib/legal/components/legal-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("legal"))("privacy") };
}

export default async function Page() {
  const t = await getTranslations("legal");
  return <LegalPageView page="privacy" title={t("privacy")} />;
}
