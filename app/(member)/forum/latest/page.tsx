import type { Metadata } from "next";
import { ThreadList } from "@/lib/forum/components/thread-list";
import { cursorParam, loadLatest } from "@/lib/forum/loaders";
import { getTranslations } from "@/lib/i18n/server";
import { PageLinks } from "@/lib/ui/components/page-links";

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
      <PageLinks
        label={t("pages")}
        first={isFirst ? undefined : { href: "/forum/latest", label: t("newest") }}
        next={next ? { href: `/forum/latest?after=${cursorParam(next)}`, label: t("older") } : undefined}
      />
    </>
  );
}
