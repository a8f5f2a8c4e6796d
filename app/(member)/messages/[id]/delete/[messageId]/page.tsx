import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/viewer";
import { deleteMessageAction } from "@/lib/messages/actions";
import { conversationHref, findVisibleMessage } from "@/lib/messages/mutations";
import { secondaryButton } from "@/lib/ui/components/button-styles";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messages"))("conversation.deleteTitle"), robots: { index: false } };
}

type Params = Promise<{ id: string; messageId: string }>;

/** Deleting one's own message, after a word on what the others will see. Works without JavaScript. */
export default async function DeleteMessagePage({ params }: { params: Params }) {
  const { id, messageId } = await params;
  const viewer = await requireUser();
  if (id.length > 64 || messageId.length > 64) notFound();
  const message = await findVisibleMessage({ userId: viewer.id, messageId });
  if (!message || message.conversation_id !== id || message.sender_id !== viewer.id) notFound();
  const t = await getTranslations("messages");
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t("conversation.deleteTitle")}</h1>
      <form action={deleteMessageAction}>
        <p className="mb-4">{t("conversation.deleteExplain")}</p>
        <input type="hidden" name="messageId" value={messageId} />
        <button type="submit" className={secondaryButton}>
          {t("conversation.deleteConfirm")}
        </button>
      </form>
      <p className="mt-6">
        <a href={conversationHref(id, messageId)} className="inline-flex min-h-11 items-center">
          {t("conversation.backToConversation")}
        </a>
      </p>
    </div>
  );
}
