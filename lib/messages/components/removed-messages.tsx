import { dateTimeFormat } from "@/lib/i18n/date-time";
import { getTranslations } from "@/lib/i18n/server";
import { restoreMessageAction } from "@/lib/moderation/actions";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { listRemovedMessages } from "../moderation-subject";

/**
 * The moderation queue's list of messages coordinators removed by a report's decision (the page checks
 * the coordinator's role), each with its start and a button to restore it for its conversation.
 */
export async function RemovedMessages() {
  const [removed, t, when] = await Promise.all([
    listRemovedMessages(),
    getTranslations("moderation"),
    dateTimeFormat(),
  ]);
  return (
    <section aria-labelledby="removed-messages-heading" className="mt-10">
      <h2 id="removed-messages-heading" className="mb-3 text-2xl font-bold">
        {t("removedMessages", { count: removed.length })}
      </h2>
      <p className="mb-3">{removed.length === 0 ? t("noRemovedMessages") : t("removedMessagesHint")}</p>
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
    </section>
  );
}
