import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { decodeCursor } from "@/db/cursor";
import { VISIBILITY } from "@/db/schema";
import { requireUser } from "@/lib/auth/viewer";
import { getMemberSummary, searchDirectory } from "@/lib/members/data";
import { MAX_RECIPIENTS } from "./constants";
import { findVisibleMessage, getConversationForParticipant, listConversations, listMessages } from "./data";
import { markConversationRead } from "./participation";

type SearchParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function loadConversationList(searchParams: SearchParams) {
  const viewer = await requireUser();
  const before = decodeCursor(first(searchParams.before));
  const page = await listConversations({ userId: viewer.id, before });
  return { viewer, ...page, paged: before !== null };
}

/**
 * A conversation and its participants for one of its current participants; anyone else (another
 * member, a coordinator, an admin) gets "not found", the same as for an id that does not exist.
 * Once per request: the page's title (generateMetadata) and the page itself both ask.
 */
export const loadConversationHead = cache(async (id: string) => {
  const viewer = await requireUser();
  if (id.length > 64) notFound();
  const conversation = await getConversationForParticipant({ conversationId: id, userId: viewer.id });
  if (!conversation) notFound();
  return { viewer, conversation };
});

/**
 * A conversation's page of messages for one of its current participants (loadConversationHead).
 * Opening the newest page marks it and its notifications read when something there is unread;
 * reopening a read one writes nothing.
 */
export async function loadConversation(id: string, searchParams: SearchParams) {
  const { viewer, conversation } = await loadConversationHead(id);
  const before = decodeCursor(first(searchParams.before));
  const page = await listMessages({ conversationId: id, viewerId: viewer.id, before });
  if (!before && conversation.unread) await markConversationRead({ userId: viewer.id, conversationId: id });
  return { viewer, conversation, ...page, paged: before !== null };
}

/**
 * A message of this conversation that the viewer sees, for its delete page (their own) or its report
 * page (someone else's); anything else is "not found".
 */
export async function loadMessageAction(id: string, messageId: string, whose: "own" | "others") {
  const viewer = await requireUser();
  if (id.length > 64 || messageId.length > 64) notFound();
  const message = await findVisibleMessage({ userId: viewer.id, messageId });
  if (!message || message.conversation_id !== id || (message.sender_id === viewer.id) !== (whose === "own"))
    notFound();
  return message;
}

/** Members the "new message" page's search shows. */
const RESULTS = 10;

/** The "new message" page: chosen recipients (only members the viewer may find) and a member search. */
export async function loadNewConversation(searchParams: SearchParams) {
  const viewer = await requireUser();
  const raw = searchParams.to;
  const ids = [...new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).filter((v) => v && v.length <= 64))]
    .filter((id) => id !== viewer.id)
    .slice(0, MAX_RECIPIENTS);
  const recipients = (
    await Promise.all(ids.map((userId) => getMemberSummary({ userId, level: VISIBILITY.members })))
  ).filter((m): m is NonNullable<typeof m> => m !== null);
  const q = (first(searchParams.q) ?? "").trim().slice(0, 100);
  // Asked for as many more as are left out (the viewer, those chosen), so ten can still show.
  const found = q
    ? await searchDirectory({ level: VISIBILITY.members, q, limit: RESULTS + 1 + recipients.length })
    : { members: [], next: null };
  const matching = found.members.filter((m) => m.id !== viewer.id && !recipients.some((r) => r.id === m.id));
  const results = matching.slice(0, RESULTS);
  // More than shown: the page says so and leads on to the directory's pages of the same search.
  const more = matching.length > RESULTS || found.next !== null;
  return { viewer, recipients, q, results, more };
}
