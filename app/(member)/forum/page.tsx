import type { Metadata } from "next";
import { getFormatter } from "next-intl/server";
import { getLoginHref, getViewer } from "@/lib/auth/viewer";
import { loadForumIndex } from "@/lib/forum/loaders";
import { getTranslations } from "@/lib/i18n/server";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forum"))("title") };
}

export default async function ForumPage() {
  const { viewer, categories } = await loadForumIndex();
  const [t, format, loginHref, signedIn] = await Promise.all([
    getTranslations("forum"),
    getFormatter(),
    getLoginHref(),
    getViewer(),
  ]);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <div className="flex flex-wrap gap-2">
          <a href="/search" className={secondaryButton}>
            {t("search")}
          </a>
          {viewer ? (
            <>
              <a href="/forum/latest" className={secondaryButton}>
                {t("latest")}
              </a>
              <a href="/forum/new" className={primaryButton}>
                {t("newThread")}
              </a>
            </>
          ) : null}
        </div>
      </div>
      <p className="mb-6 max-w-2xl">{t("intro")}</p>
      {!viewer ? (
        <p className="mb-6 max-w-2xl rounded-md bg-amber-50 p-3" role="note">
          {t("visitorNote")}{" "}
          {signedIn ? (
            // signed in, but an applicant waiting for approval
            <>
              {t("applicantNote")}{" "}
              <a href="/application" className="font-semibold">
                {t("applicantLink")}
              </a>
            </>
          ) : (
            <a href={loginHref} className="font-semibold">
              {t("visitorLogin")}
            </a>
          )}
        </p>
      ) : null}
      <h2 className="sr-only">{t("categories")}</h2>
      {categories.length === 0 ? <p>{t("noCategories")}</p> : null}
      <ul className="grid gap-4 sm:grid-cols-2">
        {categories.map((c) => (
          <li
            key={c.id}
            className="rounded-lg border border-gray-300 border-s-8 bg-white p-4"
            style={{ borderInlineStartColor: c.color }}
          >
            <h3 className="text-xl font-bold">
              <a href={`/forum/c/${c.slug}`} className="inline-flex min-h-11 items-center">
                {c.name}
              </a>
            </h3>
            <p className="mb-2">{c.description}</p>
            <p className="text-sm text-muted">
              {t(`visibility.${c.visibility}`, { group: c.groupName ?? "" })} ·{" "}
              {t("threadCount", { count: c.threadCount })} · {t("postCount", { count: c.postCount })}
              {c.lastPostAt ? (
                <>
                  {" · "}
                  {t("lastActivity")}{" "}
                  <time dateTime={c.lastPostAt.toISOString()}>
                    {format.dateTime(c.lastPostAt, { dateStyle: "medium", timeZone: "Europe/Berlin" })}
                  </time>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
