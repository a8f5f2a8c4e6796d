import { cache } from "react";
import { fileNameAsWords } from "@/lib/forms/file-name";
import { dateTimeFormat } from "@/lib/i18n/date-time";
import { getTranslations } from "@/lib/i18n/server";
import { renderMarkdown } from "@/lib/markdown/render";
import { HtmlElement } from "@/lib/ui/components/html-element";
import { type Html, html, trustedHtml } from "@/lib/ui/html";
import type { MessageView } from "../data";
import { removedText } from "./text";

const attachmentHref = (id: string) => `/messages/attachments/${id}`;

/** The labels every message of a page shares, loaded once per request and handed to each item. */
export const loadMessageLabels = cache(async () => {
  const [t, when] = await Promise.all([getTranslations("messages"), dateTimeFormat()]);
  return { t, when };
});

type MessageItemProps = {
  message: MessageView;
  viewerId: string;
  labels: Awaited<ReturnType<typeof loadMessageLabels>>;
  /** The first message this viewer has not read yet: a divider above it says so. */
  firstUnread: boolean;
};

/**
 * One message in its list item: who and when, the sanitised Markdown, its files, and a link to
 * delete it (own) or report it (others'). Written as an HTML string (lib/ui/html.ts), like the
 * forum's posts: fifty messages as React elements were most of a conversation page's elements.
 */
export function MessageItem(props: MessageItemProps) {
  const { id } = props.message;
  return <HtmlElement as="li" id={`m-${id}`} className="scroll-mt-4" html={messageHtml(props)} />;
}

function messageHtml({ message, viewerId, labels: { t, when }, firstUnread }: MessageItemProps): Html {
  const own = message.senderId === viewerId;
  const name = own ? t("you") : (message.senderName ?? t("formerMember"));
  const time = when(message.createdAt);
  const datetime = message.createdAt.toISOString();
  const divider = firstUnread
    ? html`<p class="mb-3 border-b-2 border-brand text-sm font-bold text-brand">${t("conversation.newDivider")}</p>`
    : null;
  if (message.kind === "left") {
    return html`${divider}<p class="py-2 text-center text-sm text-muted">${t("leftNote", { name })} <time datetime="${datetime}">${time}</time></p>`;
  }
  const sender = `m-${message.id}-sender`;
  const attachments = message.attachments.map((a) => {
    const href = attachmentHref(a.id);
    return a.contentType.startsWith("image/")
      ? html`<li><a href="${href}" class="inline-block"><img src="${href}" alt="${fileNameAsWords(a.fileName)}" loading="lazy" class="max-h-64 max-w-full rounded border border-gray-300"></a></li>`
      : html`<li><a href="${href}" class="inline-flex min-h-11 items-center gap-2 break-all"><span aria-hidden="true">📎</span>${a.fileName}<span class="text-sm text-muted">(${t("conversation.fileSize", { size: Math.max(1, Math.round(a.byteSize / 1024)) })})</span></a></li>`;
  });
  // One link, to a page of its own: a <details> with a form in each of fifty messages made up a third of the page.
  const content = message.deleted
    ? html`<p class="italic text-muted">${removedText(t, message.removedBy)}</p>`
    : html`${message.body ? html`<div dir="auto" class="message-body">${trustedHtml(renderMarkdown(message.body))}</div>` : null}${
        attachments.length > 0
          ? html`<div class="mt-3"><p class="sr-only">${t("conversation.attachments")}</p><ul class="flex flex-col gap-2">${attachments}</ul></div>`
          : null
      }<p class="mt-2 text-sm"><a href="/messages/${message.conversationId}/${own ? "delete" : "report"}/${message.id}" aria-describedby="${sender}" class="inline-flex min-h-11 items-center text-muted">${t(own ? "conversation.delete" : "conversation.report")}</a></p>`;
  return html`${divider}<article aria-labelledby="${sender}" class="rounded-lg border p-4 ${own ? "border-blue-200 bg-blue-50" : "border-gray-300 bg-white"}"><h3 id="${sender}" class="mb-2 text-base font-semibold">${
    own ? t("conversation.senderYou", { time }) : t("conversation.sender", { name, time })
  }</h3>${content}</article>`;
}
