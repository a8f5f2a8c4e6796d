import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireCapability } from "@/lib/admin/loaders";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { LEGAL_PAGES, type LegalPage } from "@/lib/legal/data";
import { LegalForm } from "@/lib/settings/components/legal-form";
import { getLegalTexts, getSetting } from "@/lib/settings/data";
import { markdownTags } from "@/lib/ui/components/markdown-sample";

const PUBLIC_PATHS: Record<LegalPage, string> = {
  imprint: "/impressum",
  privacy: "/datenschutz",
  accessibility: "/barrierefreiheit",
  easyLanguage: "/leichte-sprache",
};

const isLegalPage = (value: string): value is LegalPage => LEGAL_PAGES.includes(value as LegalPage);

export async function generateMetadata({ params }: { params: Promise<{ page: string }> }): Promise<Metadata> {
  const { page } = await params;
  const t = await getTranslations("shell");
  return { title: isLegalPage(page) ? t(page) : undefined };
}

export default async function AdminLegalTextPage({ params }: { params: Promise<{ page: string }> }) {
  await requireCapability("settings.edit");
  const { page } = await params;
  if (!isLegalPage(page)) notFound();
  const t = await getTranslations("admin.settings");
  const tShell = await getTranslations("shell");
  const [texts, version] = await Promise.all([getLegalTexts(page), getSetting("privacy.policyVersion")]);
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <a href="/admin/settings">{t("backToSettings")}</a>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{tShell(page)}</h1>
      <p className="mb-2">{t.rich("legalMarkdownHint", markdownTags)}</p>
      <p className="mb-6">
        <a href={PUBLIC_PATHS[page]}>{t("viewPublic")}</a>
      </p>
      <ClientMessages namespaces={["admin", "errors"]}>
        <LegalForm page={page} texts={texts} policyVersion={page === "privacy" ? version : null} />
      </ClientMessages>
    </div>
  );
}
