import type { Metadata } from "next";
import { removeVersionsAction } from "@/lib/forum/actions";
import { loadPostHistory } from "@/lib/forum/loaders";
import { historyHref, postHref } from "@/lib/forum/utils";
import { dateTimeFormat } from "@/lib/i18n/date-time";
import { getTranslations } from "@/lib/i18n/server";
import { DeleteSection } from "@/lib/ui/components/delete-section";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { ConfirmPanel } from "@/lib/users/components/confirm-panel";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forum"))("historyTitle") };
}

/**
 * Every earlier version of a post, oldest first, as the plain text the author wrote. Its author or a
 * coordinator can remove them (`?confirm=delete` is the confirmation step, a plain form).
 */
export default async function PostHistoryPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { post, revisions, canRemove } = await loadPostHistory(id);
  const [t, when] = await Promise.all([getTranslations("forum"), dateTimeFormat()]);
  const here = historyHref(post.id);
  return (
    <>
      <p className="mb-2">
        <a href={postHref(post.thread, post.number)}>{post.thread.title}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("historyTitle")}</h1>
      {query.removed ? <FormAlert kind="success">{t("versions.removedNotice")}</FormAlert> : null}
      {canRemove && revisions.length > 0 && query.confirm === "delete" ? (
        <ConfirmPanel
          heading={t("versions.confirmHeading")}
          explanation={t("versions.confirmText", { count: revisions.length })}
          confirmLabel={t("versions.confirm")}
          cancelLabel={t("versions.keep")}
          cancelHref={here}
          action={removeVersionsAction}
          fields={{ postId: String(post.id), confirmed: "yes" }}
          danger
        />
      ) : null}
      {revisions.length === 0 && post.editCount > 0 ? (
        <p className="mb-4">{t("versions.removedNote")}</p>
      ) : null}
      <ol className="mb-8 flex flex-col gap-4">
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
      {canRemove && revisions.length > 0 ? (
        <DeleteSection
          title={t("versions.removeTitle")}
          hint={t("versions.removeHint")}
          label={t("versions.removeTitle")}
          pageHref={here}
        />
      ) : null}
    </>
  );
}
