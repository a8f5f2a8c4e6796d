import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { deleteMessageAction } from "@/lib/messages/actions";
import { ReportMessageForm } from "@/lib/messages/components/report-form";
import { loadMessageAction } from "@/lib/messages/loaders";
import { conversationHref } from "@/lib/messages/mutations";
import { secondaryButton } from "@/lib/ui/components/button-styles";

type Params = Promise<{ id: string; action: string; messageId: string }>;

/** What can be done to one message on a page of its own: delete it (one's own) or report it (another's). */
const ACTIONS = {
  delete: { whose: "own", title: "conversation.deleteTitle" },
  report: { whose: "others", title: "conversation.reportSend" },
} as const;

const actionOf = (name: string) =>
  Object.hasOwn(ACTIONS, name) ? ACTIONS[name as keyof typeof ACTIONS] : null;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const action = actionOf((await params).action);
  return { title: (await getTranslations("messages"))(action?.title ?? "title"), robots: { index: false } };
}

/** Only for a participant who sees the message and wrote it (delete) or did not (report). No JS needed. */
export default async function MessageActionPage({ params }: { params: Params }) {
  const { id, action: name, messageId } = await params;
  const action = actionOf(name);
  if (!action) notFound();
  await loadMessageAction(id, messageId, action.whose);
  const t = await getTranslations("messages");
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t(action.title)}</h1>
      {action.whose === "own" ? (
        <form action={deleteMessageAction}>
          <p className="mb-4">{t("conversation.deleteExplain")}</p>
          <input type="hidden" name="messageId" value={messageId} />
          <button type="submit" className={secondaryButton}>
            {t("conversation.deleteConfirm")}
          </button>
        </form>
      ) : (
        <ClientMessages namespaces={["messages"]}>
          <ReportMessageForm messageId={messageId} />
        </ClientMessages>
      )}
      <p className="mt-6">
        <a href={conversationHref(id, messageId)} className="inline-flex min-h-11 items-center">
          {t("conversation.backToConversation")}
        </a>
      </p>
    </div>
  );
}
