import { type Cursor, encodeCursor } from "@/db/cursor";
import { dateTimeFormat } from "@/lib/i18n/date-time";
import { getTranslations } from "@/lib/i18n/server";
import { restoreMessageAction } from "@/lib/moderation/actions";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { countRemovedMessages, listRemovedMessages, REMOVED_PAGE_SIZE } from "../moderation-subject";

/**
 * The moderation queue's list of messages coordinators removed by a report's decision (the page checks
 * the coordinator's role), each with its start and a button to restore it for its conversation; the
 * last removed first, older ones a page further (`before`).
 */
export async function RemovedMessages({ before }: { before: Cursor | null }) {
  const [removed, total, t, when] = await Promise.all([
    listRemovedMessages(before),
    countRemovedMessages(),
    getTranslations("moderation"),
    dateTimeFormat(),
  ]);
  const last = removed.at(-1);
  return (
    <section aria-labelledby="removed-messages-heading" className="mt-10">
      <h2 id="removed-messages-heading" className="mb-3 text-2xl font-bold">
        {t("removedMessages", { count: total })}
      </h2>
      <p className="mb-3">{total === 0 ? t("noRemovedMessages") : t("removedMessagesHint")}</p>
      <ul className="flex flex-col gap-4">
        {removed.map((m) => (
          <li key={m.id} className="rounded-lg border border-gray-300 bg-white p-4">
            <h3 className="font-bold">
              {t("removedMessage", {
                name: m.authorName ?? "–",
                time: m.removedAt ? when(m.removedAt) : "–",
              })}
            </h3>
            <blockquote className="my-2 border-s-4 border-gray-300 ps-3 whitespace-pre-wrap break-words text-muted">
              {m.excerpt}
            </blockquote>
            <form action={restoreMessageAction}>
              <input type="hidden" name="messageId" value={m.id} />
              <button type="submit" className={`${secondaryButton} px-3 text-sm`}>
                {t("decision.restore")}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <nav aria-label={t("removedMessagesPages")} className="mt-5 flex flex-wrap gap-4">
        {before ? (
          <a href="/admin/moderation#removed-messages-heading">{t("removedMessagesNewest")}</a>
        ) : null}
        {last && removed.length === REMOVED_PAGE_SIZE ? (
          <a href={`/admin/moderation?removedBefore=${encodeCursor(last)}#removed-messages-heading`}>
            {t("removedMessagesOlder", { count: REMOVED_PAGE_SIZE })}
          </a>
        ) : null}
      </nav>
    </section>
  );
}
