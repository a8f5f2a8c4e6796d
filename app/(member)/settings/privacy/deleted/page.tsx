import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("deletedTitle") };
}

export default async function AccountDeletedPage({
  searchParams,
}: {
  searchParams: Promise<{ withdrawn?: string }>;
}) {
  const t = await getTranslations("privacy");
  // An applicant withdrew an application rather than leaving the network.
  const w = (await searchParams).withdrawn ? "withdraw." : "";
  return (
    <div className="max-w-2xl">
      <h1 className="mb-3 text-3xl font-bold">{t(`${w}deletedTitle`)}</h1>
      <p className="mb-4">{t(`${w}deletedText`)}</p>
      <a href="/">{t("toStart")}</a>
    </div>
  );
}
