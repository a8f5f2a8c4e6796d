import { cache } from "react";
import { dateTimeFormat } from "@/lib/i18n/date-time";
import { getTranslations } from "@/lib/i18n/server";
import { renderMarkdown } from "@/lib/markdown/render";
import type { MessageView } from "../data";

const attachmentHref = (id: string) => `/messages/attachments/${id}`;

/** The labels every message of a page shares, loaded once per request and handed to each item. */
export const loadMessageLabels = cache(async () => {
  const [t, when] = await Promise.all([getTranslations("messages"), dateTimeFormat()]);
  return { t, when };
});

/**
 * One message: who and when, the sanitised Markdown, its files, and a link to delete it (own) or
 * report it (others').
 */
export function MessageItem({
  message,
  viewerId,
  labels: { t, when },
}: {
  message: MessageView;
  viewerId: string;
  labels: Awaited<ReturnType<typeof loadMessageLabels>>;
}) {
  const own = message.senderId === viewerId;
  const name = own ? t("you") : (message.senderName ?? t("formerMember"));
  const time = when(message.createdAt);
  if (message.kind === "left") {
    return (
      <p className="py-2 text-center text-sm text-muted">
        {t("leftNote", { name })} <time dateTime={message.createdAt.toISOString()}>{time}</time>
      </p>
    );
  }
  return (
    <article
      aria-labelledby={`m-${message.id}-sender`}
      className={`rounded-lg border p-4 ${own ? "border-blue-200 bg-blue-50" : "border-gray-300 bg-white"}`}
    >
      <h3 id={`m-${message.id}-sender`} className="mb-2 text-base font-semibold">
        {own ? t("conversation.senderYou", { time }) : t("conversation.sender", { name, time })}
      </h3>
      {message.deleted ? (
        <p className="italic text-muted">{t("removed")}</p>
      ) : (
        <>
          {message.body ? (
            <div
              className="message-body"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown sanitises (allow-list of tags and link schemes)
              dangerouslySetInnerHTML={{ __html: renderMarkdown(message.body) }}
            />
          ) : null}
          {message.attachments.length > 0 ? (
            <div className="mt-3">
              <p className="sr-only">{t("conversation.attachments")}</p>
              <ul className="flex flex-col gap-2">
                {message.attachments.map((a) => (
                  <li key={a.id}>
                    {a.contentType.startsWith("image/") ? (
                      <a href={attachmentHref(a.id)} className="inline-block">
                        {/* biome-ignore lint/performance/noImgElement: served by our own access-checked route */}
                        <img
                          src={attachmentHref(a.id)}
                          alt={a.fileName}
                          loading="lazy"
                          className="max-h-64 max-w-full rounded border border-gray-300"
                        />
                      </a>
                    ) : (
                      <a
                        href={attachmentHref(a.id)}
                        className="inline-flex min-h-11 items-center gap-2 break-all"
                      >
                        <span aria-hidden="true">📎</span>
                        {a.fileName}
                        <span className="text-sm text-muted">
                          ({t("conversation.fileSize", { size: Math.max(1, Math.round(a.byteSize / 1024)) })})
                        </span>
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {/* One link, to a page of its own: a <details> with a form in each of fifty messages made up a third of the page. */}
          <p className="mt-2 text-sm">
            <a
              href={`/messages/${message.conversationId}/${own ? "delete" : "report"}/${message.id}`}
              aria-describedby={`m-${message.id}-sender`}
              className="inline-flex min-h-11 items-center text-muted"
            >
              {t(own ? "conversation.delete" : "conversation.report")}
            </a>
          </p>
        </>
      )}
    </article>
  );
}
