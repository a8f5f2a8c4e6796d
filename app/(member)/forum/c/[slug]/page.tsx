import type { Metadata } from "next";
import { ThreadList } from "@/lib/forum/components/thread-list";
import { WatchForm } from "@/lib/forum/components/watch-form";
import { cursorParam, loadCategoryPage } from "@/lib/forum/loaders";
import { getTranslations } from "@/lib/i18n/server";
import { primaryButton } from "@/lib/ui/components/button-styles";
import { PageLinks } from "@/lib/ui/components/page-links";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { category } = await loadCategoryPage((await params).slug, (await searchParams).after);
  return { title: category.name };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { viewer, category, pinned, threads, next, isFirst, watch } = await loadCategoryPage(
    slug,
    (await searchParams).after,
  );
  const t = await getTranslations("forum");
  const here = `/forum/c/${category.slug}`;
  return (
    <>
      <p className="mb-2">
        <a href="/forum">{t("title")}</a>
      </p>
      <div
        className="mb-2 flex flex-wrap items-center justify-between gap-3 border-s-8 ps-3"
        style={{ borderColor: category.color }}
      >
        <h1 className="text-3xl font-bold">{category.name}</h1>
        {viewer ? (
          <a href={`/forum/new?category=${category.id}`} className={primaryButton}>
            {t("newThread")}
          </a>
        ) : null}
      </div>
      <p className="mb-2 max-w-2xl">{category.description}</p>
      <p className="mb-4 text-sm text-muted">
        {t(`visibility.${category.visibility}`, { group: category.groupName ?? "" })}
      </p>
      {viewer ? (
        <div className="mb-6">
          <WatchForm subjectType="category" subjectId={category.id} level={watch} back={here} />
        </div>
      ) : null}
      <h2 className="mb-3 text-2xl font-bold">{isFirst ? t("threads") : t("olderThreads")}</h2>
      <ThreadList threads={[...pinned, ...threads]} showCategory={false} member={viewer !== null} />
      <PageLinks
        label={t("pages")}
        first={isFirst ? undefined : { href: here, label: t("newest") }}
        next={next ? { href: `${here}?after=${cursorParam(next)}`, label: t("older") } : undefined}
      />
    </>
  );
}
