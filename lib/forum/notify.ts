import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Executor, getDb, rowsOf } from "@/db/client";
import { forumReadState, users } from "@/db/schema";
import { notify } from "@/lib/notifications/mutations";
import { findMembersByNames } from "./data";
import type { Mentioned } from "./render";
import { mentionCandidates, postHref } from "./utils";
import { mayReadCategory } from "./visibility";

export type ForumNotification = {
  recipientIds: string[];
  kind: "mention" | "reply" | "moderation";
  actorId: string | null;
  url: string;
  subjectKey: string;
  params: Record<string, string>;
};

/**
 * Hands forum notifications to the shared notification store. Recipients must already be filtered
 * to those who may see the content (usersWhoCanSee).
 */
export async function sendForumNotification(input: ForumNotification, tx?: Executor): Promise<void> {
  if (input.recipientIds.length === 0) return;
  // A line about posts keeps their links, so hiding one post takes out only its share (withdrawItem).
  await notify({ ...input, itemized: input.kind !== "moderation" }, tx);
}

/** Members named with @ in a text, resolved to approved members (longest matching name wins). */
export async function resolveMentions(body: string): Promise<Mentioned[]> {
  const candidates = mentionCandidates(body);
  const found = await findMembersByNames([...new Set(candidates.flat())]);
  const byName = new Map(found.map((m) => [m.name.toLowerCase(), m]));
  const result = new Map<string, Mentioned>();
  for (const options of candidates) {
    const hit = options.map((o) => byName.get(o)).find(Boolean);
    if (hit) result.set(hit.id, hit);
  }
  return [...result.values()];
}

/**
 * Of these users, those who may read the category of a post's thread (usersWhoCanSee), whatever
 * the post's own state: who may hear a moderation decision on it. Nobody for an unknown post.
 */
export async function usersWhoMayReadPost(
  tx: Executor,
  userIds: string[],
  postId: number,
): Promise<string[]> {
  if (userIds.length === 0 || !Number.isInteger(postId)) return [];
  const [post] = rowsOf<{ category_id: string }>(
    await tx.execute(sql`select t.category_id from forum_posts p
      join forum_threads t on t.id = p.thread_id where p.id = ${postId}`),
  );
  return post ? usersWhoCanSee(tx, userIds, post.category_id) : [];
}

/** Of these users, the approved ones who may see the category: nobody learns of restricted content. */
export async function usersWhoCanSee(tx: Executor, userIds: string[], categoryId: string): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.status, "approved"), mayReadCategory(categoryId)));
  return rows.map((r) => r.id);
}

export type PostNotice = {
  authorId: string;
  categoryId: string;
  thread: { id: number; slug: string };
  number: number;
  mentioned: Mentioned[];
  title: string;
  /** Members who have read the thread up to this post are not told (a restored post). */
  skipReaders?: boolean;
};

/** Of these members, those not to tell about the post: nobody, or (skipReaders) who read that far. */
async function readersOf(input: PostNotice): Promise<Set<string>> {
  if (!input.skipReaders) return new Set();
  const db = await getDb();
  const rows = await db
    .select({ userId: forumReadState.userId })
    .from(forumReadState)
    .where(
      and(
        eq(forumReadState.threadId, input.thread.id),
        sql`${forumReadState.lastReadNumber} >= ${input.number}`,
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

/** Mentioned members who may see the category get "mention"; returns who was told. */
export async function notifyMentions(input: PostNotice, skip = new Set<string>()): Promise<string[]> {
  const mentionIds = await usersWhoCanSee(
    await getDb(),
    input.mentioned.map((m) => m.id).filter((id) => id !== input.authorId && !skip.has(id)),
    input.categoryId,
  );
  await sendForumNotification({
    recipientIds: mentionIds,
    kind: "mention",
    actorId: input.authorId,
    url: postHref(input.thread, input.number),
    subjectKey: `thread:${input.thread.id}`,
    params: { title: input.title },
  });
  return mentionIds;
}

/**
 * Mentioned members get "mention"; watchers of the thread or its category get "reply" (a new thread
 * tells the category's watchers as "new thread"); muters nothing.
 */
export async function notifyAfterPost(input: PostNotice) {
  const db = await getDb();
  const skip = await readersOf(input);
  const mentionIds = await notifyMentions(input, skip);
  const watchers = rowsOf<{ user_id: string }>(
    await db.execute(sql`select w.user_id from forum_watches w
      where ((w.subject_type = 'thread' and w.subject_id = ${String(input.thread.id)})
          or (w.subject_type = 'category' and w.subject_id = ${input.categoryId}))
        and w.level = 'watch' and w.user_id <> ${input.authorId}
        and not exists (select 1 from forum_watches m where m.user_id = w.user_id and m.level = 'mute'
          and m.subject_type = 'thread' and m.subject_id = ${String(input.thread.id)})`),
  ).map((r) => r.user_id);
  const replyIds = await usersWhoCanSee(
    db,
    [...new Set(watchers)].filter((id) => !mentionIds.includes(id) && !skip.has(id)),
    input.categoryId,
  );
  await sendForumNotification({
    recipientIds: replyIds,
    kind: "reply",
    actorId: input.authorId,
    url: postHref(input.thread, input.number),
    subjectKey: `thread:${input.thread.id}`,
    params: { title: input.title, ...(input.number === 1 ? { subject: "thread" } : {}) },
  });
}
