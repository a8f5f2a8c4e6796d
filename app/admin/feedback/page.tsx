import type { Metadata } from "next";
import { getFormatter } from "next-intl/server";
import { requireCapability } from "@/lib/admin/loaders";
import { FEEDBACK_PAGE_SIZE, listFeedback } from "@/lib/feedback/data";
import { getTranslations } from "@/lib/i18n/server";
import { PageLinks } from "@/lib/ui/components/page-links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.feedback"))("title") };
}

/** Accessibility feedback as sent from /barrierefreiheit, newest first; answered by mail. */
export default async function AdminFeedbackPage({
  searchParams,
}: {
  searchParams: Promise<{ after?: string | string[] }>;
}) {
  await requireCapability("feedback.view");
  const { after: raw } = await searchParams;
  const after = typeof raw === "string" && raw.length <= 64 ? raw : undefined;
  const t = await getTranslations("admin.feedback");
  const format = await getFormatter();
  const entries = await listFeedback({ after });
  const last = entries.at(-1);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6 max-w-2xl">{t("intro")}</p>
      {entries.length === 0 ? <p role="status">{t("empty")}</p> : null}
      <ol className="max-w-3xl space-y-4">
        {entries.map((entry) => (
          <li key={entry.id} className="rounded border border-gray-300 p-4">
            <article aria-labelledby={`feedback-${entry.id}`}>
              <h2 id={`feedback-${entry.id}`} className="text-lg font-semibold">
                <bdi>{entry.name ?? t("anonymous")}</bdi>
                {" · "}
                <time dateTime={entry.createdAt.toISOString()}>
                  {format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </h2>
              <p className="mb-2 text-sm">
                {entry.email ? (
                  <a href={`mailto:${entry.email}`} className="break-all">
                    {entry.email}
                  </a>
                ) : (
                  t("noEmail")
                )}
                {entry.pageUrl ? (
                  <>
                    {" · "}
                    {t("page")} <bdi className="break-all">{entry.pageUrl}</bdi>
                  </>
                ) : null}
              </p>
              <p dir="auto" className="whitespace-pre-line break-words">
                {entry.message}
              </p>
            </article>
          </li>
        ))}
      </ol>
      <PageLinks
        label={t("pages")}
        first={after ? { href: "/admin/feedback", label: t("firstPage") } : undefined}
        next={
          last && entries.length === FEEDBACK_PAGE_SIZE
            ? { href: `/admin/feedback?after=${encodeURIComponent(last.id)}`, label: t("nextPage") }
            : undefined
        }
      />
    </>
  );
}
