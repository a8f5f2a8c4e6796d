import type { Metadata } from "next";
import { encodeCursor } from "@/db/cursor";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getRequestLocale, getTranslations } from "@/lib/i18n/server";
import { blockMemberAction, leaveConversationAction, unblockMemberAction } from "@/lib/messages/actions";
import { ReplyForm } from "@/lib/messages/components/compose-form";
import { loadMessageLabels, MessageItem } from "@/lib/messages/components/message-item";
import { ParticipantNames } from "@/lib/messages/components/participant-names";
import { conversationTitle } from "@/lib/messages/components/text";
import type { ConversationView } from "@/lib/messages/data";
import { loadConversation, loadConversationHead } from "@/lib/messages/loaders";
import { newSubmissionKey } from "@/lib/submissions/utils";
import { secondaryButton } from "@/lib/ui/components/button-styles";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type T = (key: string, values?: Record<string, string | number>) => string;

/** Named as in the conversation list; only for its participants (anyone else gets "not found"). */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ conversation }, t, locale] = await Promise.all([
    params.then(({ id }) => loadConversationHead(id)),
    getTranslations("messages"),
    getRequestLocale(),
  ]);
  return { title: titleOf(t as unknown as T, locale, conversation), robots: { index: false } };
}

const titleOf = (t: T, locale: string, conversation: ConversationView) =>
  conversationTitle(t, locale, {
    kind: conversation.kind,
    title: conversation.title,
    names: conversation.participants.map((p) => p.name ?? ""),
    memberCount: conversation.participants.length + 1,
  });

export default async function ConversationPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { id } = await params;
  const [{ viewer, conversation, items, older, paged }, labels, locale] = await Promise.all([
    loadConversation(id, await searchParams),
    loadMessageLabels(),
    getRequestLocale(),
  ]);
  const { t } = labels;
  const tt = t as unknown as T;
  const others = conversation.participants;
  const title = titleOf(tt, locale, conversation);
  const direct = conversation.kind === "direct";
  const other = direct ? others[0] : undefined;
  const blockedByMe = Boolean(other?.blockedByViewer);
  // A deleted or blocked account reads nothing any more: a direct conversation with it is closed.
  const otherGone = other !== undefined && !other.member;
  const canWrite = !direct || (other?.member && !other.blockedByViewer && !other.hasBlockedViewer);
  const firstUnread = paged
    ? undefined
    : items.find(
        // A removed message is nothing new to read (the unread counts skip it too).
        (m) =>
          m.senderId !== viewer.id &&
          m.kind === "text" &&
          !m.deleted &&
          m.createdAt > conversation.lastReadAt,
      )?.id;
  const here = `/messages/${conversation.id}`;

  return (
    <div className="max-w-3xl">
      <p className="mb-2">
        <a href="/messages" className="inline-flex min-h-11 items-center">
          <span aria-hidden="true" className="me-1 inline-block rtl:rotate-180">
            ←
          </span>
          {t("title")}
        </a>
      </p>
      <h1 className="mb-3 text-3xl font-bold break-words">{title}</h1>
      <section aria-labelledby="participants-heading" className="mb-4">
        <h2 id="participants-heading" className="sr-only">
          {t("conversation.participants")}
        </h2>
        <p>
          <span className="font-semibold">{t("conversation.participants")}: </span>
          {others.length === 0 ? (
            t("nobodyElse")
          ) : (
            <ParticipantNames locale={locale} participants={others} formerMember={t("formerMember")} />
          )}
        </p>
      </section>

      {blockedByMe && other ? (
        <div className="mb-4 rounded-md border-2 border-amber-500 bg-amber-50 p-3" role="note">
          <p className="mb-2">{t("conversation.youBlocked", { name: other.name ?? "" })}</p>
          <form action={unblockMemberAction}>
            <input type="hidden" name="memberId" value={other.id} />
            <input type="hidden" name="back" value={here} />
            <button type="submit" className={secondaryButton}>
              {t("conversation.unblock")}
            </button>
          </form>
        </div>
      ) : null}

      <section aria-labelledby="messages-heading" className="mb-8">
        <h2 id="messages-heading" className="sr-only">
          {t("conversation.messagesLabel")}
        </h2>
        {older || paged ? (
          <nav aria-label={t("pages")} className="mb-4 flex flex-wrap gap-4">
            {older ? (
              <a
                href={`${here}?before=${encodeCursor(older)}`}
                rel="prev"
                className="inline-flex min-h-11 items-center"
              >
                {t("conversation.olderMessages")}
              </a>
            ) : null}
            {paged ? (
              <a href={here} className="inline-flex min-h-11 items-center">
                {t("conversation.newestMessages")}
              </a>
            ) : null}
          </nav>
        ) : null}
        <ol className="flex flex-col gap-3">
          {items.map((m) => (
            <MessageItem
              key={m.id}
              message={m}
              viewerId={viewer.id}
              labels={labels}
              firstUnread={m.id === firstUnread}
            />
          ))}
        </ol>
      </section>

      <section aria-labelledby="reply-heading" className="mb-8">
        <h2 id="reply-heading" className="mb-3 text-2xl font-bold">
          {t("conversation.reply")}
        </h2>
        {canWrite ? (
          <ClientMessages namespaces={["messages.compose", "messages.errors", "errors.chooseFilesAgain"]}>
            <ReplyForm conversationId={conversation.id} submissionKey={newSubmissionKey()} />
          </ClientMessages>
        ) : (
          <p>{t(otherGone ? "conversation.otherLeftNetwork" : "conversation.cannotWrite")}</p>
        )}
      </section>

      {conversation.kind === "group" ? (
        <details className="mb-4">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand">
            {t("conversation.leave")}
          </summary>
          <form action={leaveConversationAction} className="mt-2">
            <p className="mb-2">{t("conversation.leaveExplain")}</p>
            <input type="hidden" name="conversationId" value={conversation.id} />
            <button type="submit" className={secondaryButton}>
              {t("conversation.leaveConfirm")}
            </button>
          </form>
        </details>
      ) : null}
      {other?.member && !blockedByMe ? (
        <details className="mb-4">
          <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand">
            {t("conversation.block", { name: other.name ?? "" })}
          </summary>
          <form action={blockMemberAction} className="mt-2">
            <p className="mb-2">{t("conversation.blockExplain", { name: other.name ?? "" })}</p>
            <input type="hidden" name="memberId" value={other.id} />
            <input type="hidden" name="back" value={here} />
            <button type="submit" className={secondaryButton}>
              {t("conversation.blockConfirm")}
            </button>
          </form>
        </details>
      ) : null}
    </div>
  );
}
