import type { ConversationKind, MessageRemover } from "@/db/schema/messages";
import { formatList, isolated } from "@/lib/i18n/intl";
import { plainExcerpt } from "@/lib/markdown/plain";
import type { ConversationListItem } from "../data";

type T = (key: string, values?: Record<string, string | number>) => string;

/**
 * A group's title, or who is in it as the language writes a list ("Anna, Bernd und 2 weitere
 * Personen", "Anna وBernd وشخص آخر"), each name isolated in its own direction; a direct
 * conversation is named after the other member.
 */
export function conversationTitle(
  t: T,
  locale: string,
  c: { kind: ConversationKind; title: string | null; names: string[]; memberCount: number },
): string {
  if (c.title) return c.title;
  const names = c.names.filter(Boolean);
  if (c.kind === "direct") return names[0] ?? t("formerMember");
  if (names.length === 0) return t("nobodyElse");
  const more = c.memberCount - 1 - names.length;
  const items = names.map(isolated);
  if (more > 0) items.push(t("morePeople", { count: more }));
  return t("groupOf", { names: formatList(locale, items) });
}

/** What stands in a removed message's place: whether a coordinator removed it, or its sender. */
export const removedText = (t: T, removedBy: MessageRemover | null): string =>
  t(removedBy === "moderator" ? "removedByCoordination" : "removed");

/**
 * The list's line under a conversation: who wrote last and what. Name and excerpt are isolated, so a
 * German sentence in the Arabic list keeps its full stop at its end.
 */
export function lastMessageLine(
  t: T,
  last: NonNullable<ConversationListItem["last"]>,
  viewerId: string,
): string {
  const who = isolated(last.senderId === viewerId ? t("you") : (last.senderName ?? t("formerMember")));
  if (last.kind === "left") return t("leftNote", { name: who });
  if (last.deleted) return removedText(t, last.removedBy);
  return t("lastFrom", { name: who, text: isolated(plainExcerpt(last.body, 140) || t("attachmentOnly")) });
}
