import type { Metadata } from "next";
import { getTranslations } from "@/lib/i18n/server";
import { primaryButton } from "@/lib/ui/components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("loginError"))("title") };
}

export default async function LoginErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  const { error } = await searchParams;
  const t = await getTranslations("loginError");
  const message =
    error === "Verification" ? t("verification") : error === "AccessDenied" ? t("accessDenied") : t("other");
  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-xl" role="alert">
        {message}
      </p>
      <a href="/login" className={primaryButton}>
        {t("again")}
      </a>
    </>
  );
}
