import { getTranslations } from "@/lib/i18n/server";
import { pageWindow } from "../utils";

/** Numbered page links (first, last and those around the current one); each page has its own URL. */
export async function Pagination({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const t = await getTranslations("forum");
  const link =
    "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-gray-300 px-3";
  return (
    <nav aria-label={t("pages")} className="my-6">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev" className={link}>
              {t("previousPage")}
            </a>
          </li>
        ) : null}
        {pageWindow(page, pages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className={`${link} border-brand bg-brand font-bold text-white`}>
                  <span className="sr-only">{t("pageLabel", { page: p })}</span>
                  <span aria-hidden="true">{p}</span>
                </span>
              ) : (
                <a href={href(p)} className={link} aria-label={t("pageLabel", { page: p })}>
                  {p}
                </a>
              )}
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next" className={link}>
              {t("nextPage")}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
