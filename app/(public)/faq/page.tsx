import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { FaqList } from "@/lib/faq/components/faq-list";
import { FaqSearch } from "@/lib/faq/components/faq-search";
import { listPublishedFaq } from "@/lib/faq/data";
import { languageAlternates, metadataBase } from "@/lib/faq/metadata";
import { FaqSearch as SearchQuery } from "@/lib/faq/schema";
import type { Locale } from "@/lib/i18n/config";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("faq");
  return {
    title: t("title"),
    description: t("metaDescription"),
    metadataBase: metadataBase(),
    alternates: languageAlternates("/faq"),
  };
}

export default async function FaqPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const t = await getTranslations("faq");
  const locale = (await getLocale()) as Locale;
  const raw = (await searchParams).q;
  const query = SearchQuery.parse(Array.isArray(raw) ? raw[0] : raw);
  const categories = await listPublishedFaq({ locale, query: query || undefined });
  const count = categories.reduce((sum, c) => sum + c.entries.length, 0);
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl text-lg">{t("intro")}</p>
      <FaqSearch query={query} locale={locale} />
      {query ? (
        <div className="mb-6">
          <p role="status" className="font-semibold">
            {t("searchResults", { count, query })}
          </p>
          <p>
            <a href={`/faq?lang=${locale}`}>{t("showAll")}</a>
          </p>
        </div>
      ) : null}
      {!query && count === 0 ? <p>{t("empty")}</p> : null}
      <FaqList categories={categories} locale={locale} />
      <p className="mt-8">{t.rich("videosHint", { link: (chunks) => <a href="/videos">{chunks}</a> })}</p>
    </>
  );
}
