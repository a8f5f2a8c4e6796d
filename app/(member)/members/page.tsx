import type { Metadata } from "next";
import { getLoginHref, getViewer } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { DirectoryFilters } from "@/lib/members/components/directory-filters";
import { loadCardLabels, MemberCard } from "@/lib/members/components/member-card";
import { loadDirectory } from "@/lib/members/loaders";
import { directoryHref } from "@/lib/members/schema";
import { PageLinks } from "@/lib/ui/components/page-links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("members"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MembersPage({ searchParams }: { searchParams: SearchParams }) {
  const { members, next, query, level } = await loadDirectory(await searchParams);
  const [t, labels, tm, viewer] = await Promise.all([
    getTranslations("members"),
    loadCardLabels(),
    getTranslations("messages"),
    getViewer(),
  ]);
  const { after, ...filters } = query;
  return (
    <>
      <h1 className="mb-3 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 max-w-2xl">{t("intro")}</p>
      {level === 0 ? (
        <p className="mb-6 max-w-2xl rounded-md bg-amber-50 p-3" role="note">
          {t("visitorNote")}{" "}
          {viewer ? (
            // signed in, but an applicant waiting for approval
            <>
              {t("applicantNote")}{" "}
              <a href="/application" className="font-semibold">
                {t("applicantLink")}
              </a>
            </>
          ) : (
            <a href={await getLoginHref()} className="font-semibold">
              {t("visitorLogin")}
            </a>
          )}
        </p>
      ) : null}
      <DirectoryFilters filters={filters} />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-3 text-2xl font-bold">
          {after ? t("resultsMore") : t("results")}
        </h2>
        {members.length === 0 ? <p>{t("noResults")}</p> : null}
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {members.map((m) => (
            <li key={m.id} className="flex flex-col">
              <MemberCard member={m} labels={labels} />
              {level === 1 && m.id !== viewer?.id ? (
                <a
                  href={`/messages/new?to=${encodeURIComponent(m.id)}`}
                  className="inline-flex min-h-11 items-center"
                >
                  {tm("profileLinkNamed", { name: m.name ?? "" })}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
        <PageLinks
          label={t("pages")}
          first={after ? { href: directoryHref(filters), label: t("firstPage") } : undefined}
          next={next ? { href: directoryHref(filters, next), label: t("nextPage") } : undefined}
        />
      </section>
    </>
  );
}
