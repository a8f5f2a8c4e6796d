import type { Metadata } from "next";
import { dateFormat } from "@/lib/i18n/date-time";
import { getTranslations } from "@/lib/i18n/server";
import { SearchHit } from "@/lib/search/components/search-hit";
import { loadSearch } from "@/lib/search/loaders";
import { inputStyle, primaryButton } from "@/lib/ui/components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const { query, viewer, hits, next, searched } = await loadSearch(await searchParams);
  const [t, tForum, date] = await Promise.all([
    getTranslations("search"),
    getTranslations("forum"),
    dateFormat(),
  ]);
  const unnamed = { withheld: tForum("withheldName"), former: tForum("formerMember") };
  const moreHref = (before: number) =>
    `/search?${new URLSearchParams({ q: query.q, ...(query.author ? { author: query.author } : {}), before: String(before) })}`;
  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-2xl">{t("intro")}</p>
      {!viewer ? <p className="mb-4 max-w-2xl rounded-md bg-amber-50 p-3">{t("visitorNote")}</p> : null}
      <form
        aria-label={t("title")}
        action="/search"
        method="get"
        className="mb-8 grid max-w-3xl gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end"
      >
        <div>
          <label htmlFor="search-q" className="mb-1 block font-semibold">
            {t("query")}
          </label>
          <p id="search-q-hint" className="mb-1 text-sm text-muted">
            {t("queryHint")}
          </p>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={query.q}
            aria-describedby="search-q-hint"
            className={inputStyle}
          />
        </div>
        <div>
          <label htmlFor="search-author" className="mb-1 block font-semibold">
            {t("author")}
          </label>
          <input id="search-author" name="author" defaultValue={query.author} className={inputStyle} />
        </div>
        <button type="submit" className={primaryButton}>
          {t("submit")}
        </button>
      </form>
      {searched ? (
        <section aria-labelledby="search-results">
          <h2 id="search-results" className="mb-3 text-2xl font-bold">
            {query.before ? t("moreResults") : t("results")}
          </h2>
          {hits.length === 0 ? <p>{t("noResults")}</p> : null}
          <ol className="flex flex-col gap-4">
            {hits.map((hit) => (
              <SearchHit key={hit.postId} hit={hit} date={date} unnamed={unnamed} />
            ))}
          </ol>
          {next ? (
            <p className="mt-6">
              <a href={moreHref(next)} rel="next" className="inline-flex min-h-11 items-center">
                {t("older")}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
