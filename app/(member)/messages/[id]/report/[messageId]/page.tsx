import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/viewer";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { ReportMessageForm } from "@/lib/messages/components/report-form";
import { conversationHref, findVisibleMessage } from "@/lib/messages/mutations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messages"))("conversation.reportSend"), robots: { index: false } };
}

type Params = Promise<{ id: string; messageId: string }>;

/** Reporting one message: only for a participant who can see it and did not write it. */
export default async function ReportMessagePage({ params }: { params: Params }) {
  const { id, messageId } = await params;
  const viewer = await requireUser();
  if (id.length > 64 || messageId.length > 64) notFound();
  const message = await findVisibleMessage({ userId: viewer.id, messageId });
  if (!message || message.conversation_id !== id || message.sender_id === viewer.id) notFound();
  const t = await getTranslations("messages");
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t("conversation.reportSend")}</h1>
      <ClientMessages namespaces={["messages"]}>
        <ReportMessageForm messageId={messageId} />
      </ClientMessages>
      <p className="mt-6">
        <a href={conversationHref(id, messageId)} className="inline-flex min-h-11 items-center">
          {t("conversation.backToConversation")}
        </a>
      </p>
    </div>
  );
}
