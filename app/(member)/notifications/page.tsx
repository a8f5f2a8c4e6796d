import type { Metadata } from "next";
import { decodeCursor, encodeCursor } from "@/db/cursor";
import { requireUser } from "@/lib/auth/viewer";
import { dateTimeFormat } from "@/lib/i18n/date-time";
import { getTranslations } from "@/lib/i18n/server";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import { listNotifications } from "@/lib/notifications/data";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/kinds";
import { type KindTranslator, notificationText } from "@/lib/notifications/text";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireUser();
  const query = await searchParams;
  const before = decodeCursor(typeof query.before === "string" ? query.before : undefined);
  const [t, when, page] = await Promise.all([
    getTranslations("notifications"),
    dateTimeFormat(),
    listNotifications({ reader: viewer, before }),
  ]);
  const kt = t as unknown as KindTranslator;
  const anyUnread = page.items.some((n) => !n.readAt);
  return (
    <div className="max-w-3xl">
      <h1 className="mb-3 text-3xl font-bold break-words hyphens-auto">{t("title")}</h1>
      <p className="mb-4">{t("intro")}</p>
      {query.all === "read" ? <FormAlert kind="success">{t("allMarkedRead")}</FormAlert> : null}
      <div className="mb-6 flex flex-wrap items-center gap-4">
        {anyUnread || before ? (
          <form action={markAllNotificationsReadAction}>
            <button type="submit" className={secondaryButton}>
              {t("markAllRead")}
            </button>
          </form>
        ) : null}
        <a href="/settings/notifications" className="inline-flex min-h-11 items-center">
          {t("settingsLink")}
        </a>
      </div>
      {page.items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-gray-300 rounded-lg border border-gray-300 bg-white">
          {page.items.map((n) => {
            const text = notificationText(kt, n);
            return (
              <li
                key={n.id}
                className={`flex flex-wrap items-center justify-between gap-3 p-4 ${n.readAt ? "" : "bg-blue-50"}`}
              >
                {/* At least 14rem for the text, or "mark read" moves below it (a phone). */}
                <div className="min-w-0 flex-[1_1_14rem]">
                  {n.readAt ? null : (
                    <span className="me-2 inline-block rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-white">
                      {t("unread")}
                    </span>
                  )}
                  {/* A line about something nobody can open any more (a report's hidden post) links nowhere. */}
                  {n.url === NOTIFICATIONS_PATH ? (
                    <span className={`break-words ${n.readAt ? "" : "font-bold"}`}>{text}</span>
                  ) : (
                    <a href={n.url} className={`break-words ${n.readAt ? "" : "font-bold"}`}>
                      {text}
                    </a>
                  )}
                  <p className="text-sm text-muted">
                    <time dateTime={n.createdAt.toISOString()}>{when(n.createdAt)}</time>
                  </p>
                </div>
                {n.readAt ? null : (
                  <form action={markNotificationReadAction}>
                    <input type="hidden" name="id" value={n.id} />
                    {before ? <input type="hidden" name="before" value={String(query.before)} /> : null}
                    <button
                      type="submit"
                      className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-semibold text-brand underline"
                    >
                      <span aria-hidden="true">{t("markRead")}</span>
                      <span className="sr-only">{t("markReadNamed", { text })}</span>
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {before || page.next ? (
        <nav aria-label={t("title")} className="mt-6 flex flex-wrap gap-4">
          {before ? (
            <a href="/notifications" className="inline-flex min-h-11 items-center">
              {t("newest")}
            </a>
          ) : null}
          {page.next ? (
            <a
              href={`/notifications?before=${encodeCursor(page.next)}`}
              rel="next"
              className="inline-flex min-h-11 items-center"
            >
              {t("older")}
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
