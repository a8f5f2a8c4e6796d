import type { Metadata } from "next";
import { ThreadList } from "@/lib/forum/components/thread-list";
import { cursorParam, loadLatest } from "@/lib/forum/loaders";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forum"))("latest") };
}

export default async function LatestPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { threads, next, isFirst } = await loadLatest((await searchParams).after);
  const t = await getTranslations("forum");
  return (
    <>
      <p className="mb-2">
        <a href="/forum">{t("title")}</a>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("latest")}</h1>
      <p className="mb-6">{t("latestIntro")}</p>
      <ThreadList threads={threads} showCategory member />
      <nav aria-label={t("pages")} className="mt-6 flex flex-wrap gap-4">
        {!isFirst ? (
          <a href="/forum/latest" className="inline-flex min-h-11 items-center">
            {t("newest")}
          </a>
        ) : null}
        {next ? (
          <a
            href={`/forum/latest?after=${cursorParam(next)}`}
            rel="next"
            className="inline-flex min-h-11 items-center"
          >
            {t("older")}
          </a>
        ) : null}
      </nav>
    </>
  );
}
