import type { Locale } from "@/lib/i18n/config";
import { getTranslations } from "@/lib/i18n/server";
import type { PublicFaqCategory } from "../data";

/** Categories with their questions; every question has an anchor and a visible link to it. */
export async function FaqList({ categories, locale }: { categories: PublicFaqCategory[]; locale: Locale }) {
  const t = await getTranslations("faq");
  const germanLink = (slug: string) => (chunks: React.ReactNode) => (
    <a href={`/faq?lang=de#${slug}`} hrefLang="de">
      {chunks}
    </a>
  );
  return (
    <>
      {categories.length > 1 ? (
        <nav aria-labelledby="faq-contents" className="mb-8">
          <h2 id="faq-contents" className="mb-2 text-xl font-bold">
            {t("contents")}
          </h2>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {categories.map((c) => (
              <li key={c.slug}>
                <a href={`#thema-${c.slug}`} className="inline-flex min-h-11 items-center">
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {categories.map((category) => (
        <section key={category.slug} aria-labelledby={`thema-${category.slug}`} className="mb-10">
          <h2 id={`thema-${category.slug}`} className="mb-4 text-2xl font-bold">
            {category.name}
          </h2>
          <div className="space-y-6">
            {category.entries.map((entry) => {
              const foreign = entry.shownLocale !== locale;
              return (
                <article
                  key={entry.slug}
                  id={entry.slug}
                  aria-labelledby={`q-${entry.slug}`}
                  className="scroll-mt-4 rounded-lg border border-gray-300 bg-white p-5"
                >
                  <div
                    lang={foreign ? entry.shownLocale : undefined}
                    dir={foreign ? "ltr" : undefined}
                    className="flex items-start justify-between gap-3"
                  >
                    <h3 id={`q-${entry.slug}`} className="text-lg font-bold">
                      {entry.question}
                    </h3>
                    <a
                      href={`#${entry.slug}`}
                      className="inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center rounded no-underline"
                    >
                      <span aria-hidden="true">#</span>
                      <span className="sr-only">{t("entryLink", { question: entry.question })}</span>
                    </a>
                  </div>
                  {entry.status === "missing" ? (
                    <p
                      className="my-2 rounded border-s-4 border-amber-700 bg-amber-50 p-2 text-sm"
                      data-notice="missing"
                    >
                      {t.rich("missingNotice", { link: germanLink(entry.slug) })}
                    </p>
                  ) : null}
                  {entry.status === "outdated" ? (
                    <p
                      className="my-2 rounded border-s-4 border-amber-700 bg-amber-50 p-2 text-sm"
                      data-notice="outdated"
                    >
                      {t.rich("outdatedNotice", { link: germanLink(entry.slug) })}
                    </p>
                  ) : null}
                  <div
                    lang={foreign ? entry.shownLocale : undefined}
                    dir={foreign ? "ltr" : undefined}
                    className="prose-answer mt-2 space-y-2 [&_a]:underline [&_ol]:list-decimal [&_ol]:ps-6 [&_ul]:list-disc [&_ul]:ps-6"
                    // Sanitised by renderMarkdown (lib/markdown/render.ts).
                    // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised HTML
                    dangerouslySetInnerHTML={{ __html: entry.answerHtml }}
                  />
                </article>
              );
            })}
          </div>
        </section>
      ))}
    </>
  );
}
