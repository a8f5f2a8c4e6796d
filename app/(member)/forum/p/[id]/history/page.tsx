import type { Metadata } from "next";
import { loadPostHistory } from "@/lib/forum/loaders";
import { postHref } from "@/lib/forum/utils";
import { dateTimeFormat } from "@/lib/i18n/date-time";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forum"))("historyTitle") };
}

/** Every earlier version of a post, oldest first, as the plain text the author wrote. */
export default async function PostHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { post, revisions } = await loadPostHistory((await params).id);
  const [t, when] = await Promise.all([getTranslations("forum"), dateTimeFormat()]);
  return (
    <>
      <p className="mb-2">
        <a href={postHref(post.thread, post.number)}>{post.thread.title}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("historyTitle")}</h1>
      <ol className="flex flex-col gap-4">
        {revisions.map((r, i) => (
          <li key={r.id} className="rounded-lg border border-gray-300 bg-white p-4">
            <h2 className="mb-2 font-bold">
              {t("version", { number: i + 1 })} · {t("replacedAt")}{" "}
              <time dateTime={r.createdAt.toISOString()}>{when(r.createdAt)}</time>
            </h2>
            <pre className="whitespace-pre-wrap break-words font-sans">{r.body}</pre>
          </li>
        ))}
        <li className="rounded-lg border-2 border-brand bg-white p-4">
          <h2 className="mb-2 font-bold">{t("currentVersion")}</h2>
          <pre className="whitespace-pre-wrap break-words font-sans">{post.body}</pre>
        </li>
      </ol>
    </>
  );
}
