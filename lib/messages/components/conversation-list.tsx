import { dateTimeFormat } from "@/lib/i18n/date-time";
import { getRequestLocale, getTranslations } from "@/lib/i18n/server";
import { HtmlElement } from "@/lib/ui/components/html-element";
import { html } from "@/lib/ui/html";
import type { ConversationListItem } from "../data";
import { conversationTitle, lastMessageLine } from "./text";

/**
 * The viewer's conversations: who, the last message they can see, when, and how many are unread.
 * Each item is an HTML string (lib/ui/html.ts), like the forum's posts: the list has up to 50.
 */
export async function ConversationList({
  items,
  viewerId,
}: {
  items: ConversationListItem[];
  viewerId: string;
}) {
  const [t, when, locale] = await Promise.all([
    getTranslations("messages"),
    dateTimeFormat(),
    getRequestLocale(),
  ]);
  return (
    <ul
      aria-label={t("listLabel")}
      className="divide-y divide-gray-300 rounded-lg border border-gray-300 bg-white"
    >
      {items.map((c) => {
        const title = conversationTitle(t, locale, c);
        const preview = c.last ? lastMessageLine(t, c.last, viewerId) : "";
        const item = html`<div class="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1"><a href="/messages/${c.id}" class="inline-flex min-h-11 items-center text-lg break-words ${c.unreadCount > 0 ? "font-bold" : "font-semibold"}">${title}</a><span class="text-sm text-muted"><time datetime="${c.lastActivityAt.toISOString()}">${when(c.lastActivityAt)}</time></span></div>${
          preview ? html`<p class="text-muted break-words">${preview}</p>` : null
        }${
          c.unreadCount > 0
            ? html`<p class="mt-1"><span class="inline-block rounded-full bg-brand px-2 py-0.5 text-sm font-semibold text-white">${t("unread", { count: c.unreadCount })}</span></p>`
            : null
        }`;
        return <HtmlElement key={c.id} as="li" className="p-4" html={item} />;
      })}
    </ul>
  );
}
