import { getFormatter } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import type { ThreadSummary } from "../data";
import { postHref, threadHref } from "../utils";
import { CategoryBadge } from "./category-badge";

/** Threads as a list: title, category, replies, last activity and, for members, what is unread. */
export async function ThreadList({
  threads,
  showCategory,
  member,
}: {
  threads: ThreadSummary[];
  showCategory: boolean;
  member: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations("forum"), getFormatter()]);
  if (threads.length === 0) return <p>{t("noThreads")}</p>;
  return (
    <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300 bg-white">
      {threads.map((thread) => {
        const unread = member ? thread.unread : 0;
        const isNew = member && thread.lastReadNumber === null;
        return (
          <li key={thread.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 p-4">
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2">
                {thread.pinned ? (
                  <span className="rounded bg-amber-100 px-2 text-sm font-semibold">{t("pinned")}</span>
                ) : null}
                {thread.locked ? (
                  <span className="rounded bg-gray-200 px-2 text-sm font-semibold">{t("locked")}</span>
                ) : null}
                {thread.closed ? (
                  <span className="rounded bg-gray-200 px-2 text-sm font-semibold">{t("closed")}</span>
                ) : null}
                {thread.status === "pending" ? (
                  <span className="rounded bg-amber-100 px-2 text-sm font-semibold">{t("pendingBadge")}</span>
                ) : null}
                <a
                  href={threadHref(thread)}
                  className="inline-flex min-h-11 items-center text-lg font-bold break-words"
                >
                  <bdi>{thread.title}</bdi>
                </a>
                {isNew ? (
                  <span className="rounded bg-blue-100 px-2 text-sm font-semibold text-brand">
                    {t("new")}
                  </span>
                ) : null}
                {unread > 0 && thread.firstUnread ? (
                  <a
                    href={postHref(thread, thread.firstUnread)}
                    className="inline-flex min-h-11 items-center rounded px-2 text-sm font-semibold"
                  >
                    {t("unread", { count: unread })}
                  </a>
                ) : null}
              </p>
              <p className="text-sm text-muted">
                {showCategory ? (
                  <>
                    <CategoryBadge
                      name={thread.categoryName}
                      color={thread.categoryColor}
                      href={`/forum/c/${thread.categorySlug}`}
                    />{" "}
                  </>
                ) : null}
                {thread.authorName || thread.authorWithheld
                  ? t("startedBy", { name: thread.authorName ?? t("withheldName") })
                  : null}
              </p>
            </div>
            <p className="text-sm text-muted">
              {t("replies", { count: thread.replyCount })} ·{" "}
              <time dateTime={thread.lastPostAt.toISOString()}>
                {format.dateTime(thread.lastPostAt, {
                  dateStyle: "medium",
                  timeStyle: "short",
                  timeZone: "Europe/Berlin",
                })}
              </time>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
