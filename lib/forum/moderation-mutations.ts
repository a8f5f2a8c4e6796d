/** A post's status (hidden, restored, held, deleted) and a thread's flags, pin, lock, move and title. */
import "server-only";
import { and, desc, eq, gt, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { forumCategories, forumPosts, forumThreads, type PostStatus } from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/kinds";
import { retractNotifications, withdrawItem } from "@/lib/notifications/mutations";
import { notifyAfterPost, resolveMentions, sendForumNotification, usersWhoCanSee } from "./notify";
import { othersReplied } from "./removal";
import { postAnchor, postHref, slugify, threadHref } from "./utils";

/**
 * Thread and category counters from the posts themselves: visible replies of the thread, visible
 * threads of the categories and their visible posts. Run in every transaction that changes them.
 */
async function recount(tx: Executor, threadId: number, categoryIds: string[]) {
  await tx.execute(sql`update forum_threads t set reply_count = (select count(*)::int from forum_posts p
    where p.thread_id = t.id and p.number > 1 and p.status = 'visible') where t.id = ${threadId}`);
  await tx.execute(sql`update forum_categories c
    set thread_count = (select count(*)::int from forum_threads t where t.category_id = c.id and t.status = 'visible'),
      post_count = (select count(*)::int from forum_posts p join forum_threads t on t.id = p.thread_id
        where t.category_id = c.id and t.status = 'visible' and p.status = 'visible')
    where c.id in ${categoryIds}`);
}

/**
 * At most this many of a restored thread's replies, its latest, are announced again: each costs a
 * round of notification queries, and a thread of 10,000 replies took 50 s.
 */
export const RESTORE_ANNOUNCED_REPLIES = 50;

/** A restored thread's news, in order: its opening post and its latest visible replies. */
async function restoredThreadPosts(threadId: number) {
  const db = await getDb();
  const visible = and(eq(forumPosts.threadId, threadId), eq(forumPosts.status, "visible"));
  const columns = { number: forumPosts.number, authorId: forumPosts.authorId, body: forumPosts.body };
  const [opening] = await db
    .select(columns)
    .from(forumPosts)
    .where(and(visible, eq(forumPosts.number, 1)));
  const latest = await db
    .select(columns)
    .from(forumPosts)
    .where(and(visible, gt(forumPosts.number, 1)))
    .orderBy(desc(forumPosts.number))
    .limit(RESTORE_ANNOUNCED_REPLIES);
  return [...(opening ? [opening] : []), ...latest.reverse()];
}

/** A post with its thread, its row locked until the transaction ends; undefined if there is none. */
export async function lockPost(tx: Executor, postId: number) {
  const [post] = await tx
    .select({
      status: forumPosts.status,
      number: forumPosts.number,
      authorId: forumPosts.authorId,
      body: forumPosts.body,
      categoryId: forumPosts.categoryId,
      thread: { id: forumThreads.id, slug: forumThreads.slug, title: forumThreads.title },
    })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(eq(forumPosts.id, postId))
    .for("update", { of: forumPosts });
  return post;
}

export type PostStatusInput = {
  postId: number;
  status: PostStatus;
  actorId: string;
  audit?: boolean;
  allowedFrom?: (current: PostStatus) => boolean;
};

/**
 * Sets a post's status (author's soft delete, or a coordinator's hide/restore/delete/approve).
 * The first post carries its thread: hiding it hides the thread too, and deleting it deletes the
 * thread unless others have answered (then only the post is blanked, their replies stay). Returns
 * whether the thread went with it. A released post is announced as a new one would be; what is gone
 * is taken out of everyone's notifications; the author hears a coordinator's decision.
 * `allowedFrom`: a change the post's current state (read under its lock) does not allow is refused,
 * nothing changed ("decisionRefused").
 */
export async function setPostStatus(input: PostStatusInput): Promise<{ threadGone: boolean }> {
  const db = await getDb();
  const change = await db.transaction((tx) => changePostStatus(tx, input));
  await announcePostStatus(input, change);
  return { threadGone: change?.threadGone ?? false };
}

export type PostStatusChange = NonNullable<Awaited<ReturnType<typeof changePostStatus>>>;

/**
 * setPostStatus's writes, in the caller's transaction (a report's decision closes the report in the
 * same one); null: no such post. Hand the result to announcePostStatus once the transaction committed.
 */
export async function changePostStatus(tx: Executor, input: PostStatusInput) {
  const post = await lockPost(tx, input.postId);
  if (!post) return null;
  if (input.allowedFrom && !input.allowedFrom(post.status))
    throw new AppError({ code: "conflict", message: "decisionRefused" });
  await tx.update(forumPosts).set({ status: input.status }).where(eq(forumPosts.id, input.postId));
  const withThread =
    post.number === 1 &&
    !(input.status === "deleted" && (await othersReplied(tx, post.thread.id, post.authorId)));
  if (withThread)
    await tx.update(forumThreads).set({ status: input.status }).where(eq(forumThreads.id, post.thread.id));
  if (post.status === "pending" && input.status === "visible") {
    await tx.update(forumThreads).set({ lastPostAt: sql`now()` }).where(eq(forumThreads.id, post.thread.id));
    await tx
      .update(forumCategories)
      .set({ lastPostAt: sql`now()` })
      .where(eq(forumCategories.id, post.categoryId));
  }
  await recount(tx, post.thread.id, [post.categoryId]);
  if (input.status !== "visible") {
    // Read or not, a line about something gone would lead nowhere; a burst keeps its other posts.
    const subjectKey = `thread:${post.thread.id}`;
    if (withThread) await retractNotifications({ subjectKey }, tx);
    else await withdrawItem({ subjectKey, anchor: postAnchor(post.number) }, tx);
  }
  if (input.audit) {
    await recordAudit(tx, {
      actorId: input.actorId,
      action: `forum.post.${input.status}`,
      targetType: "forum_post",
      targetId: String(input.postId),
    });
  }
  return { post, withThread, threadGone: withThread && input.status !== "visible" };
}

/** Tells who should hear of a committed status change (changePostStatus): watchers, mentioned, the author. */
export async function announcePostStatus(input: PostStatusInput, change: PostStatusChange | null) {
  if (!change) return;
  const { post, withThread } = change;
  // A held post now published is news to its watchers and mentioned members; a hidden one restored
  // is news again (hiding took it out of everyone's notifications) for those who have not read it. A
  // restored opening post brings back its thread, whose hiding took every line about the thread.
  const restored = post.status === "hidden";
  if ((restored || post.status === "pending") && input.status === "visible") {
    const news = restored && withThread ? await restoredThreadPosts(post.thread.id) : [post];
    for (const one of news) {
      if (!one.authorId) continue;
      await notifyAfterPost({
        authorId: one.authorId,
        categoryId: post.categoryId,
        thread: post.thread,
        number: one.number,
        mentioned: await resolveMentions(one.body),
        title: post.thread.title,
        skipReaders: restored,
      });
    }
  }
  if (post.status !== "pending" && post.status !== input.status && post.authorId !== input.actorId)
    await tellAuthor(input.postId, post, input.status, input.actorId);
  if (post.status === "pending" && post.authorId && input.status !== "pending") {
    const approved = input.status === "visible";
    await sendForumNotification({
      recipientIds: await usersWhoCanSee(await getDb(), [post.authorId], post.categoryId),
      kind: "moderation",
      actorId: input.actorId,
      url: approved ? postHref(post.thread, post.number) : NOTIFICATIONS_PATH,
      subjectKey: `post:${input.postId}`,
      params: { decision: approved ? "approve" : "reject", title: post.thread.title },
    });
  }
}

/**
 * The author hears what a coordinator did to their published post, as long as they may still read its
 * category: hidden or deleted (the line links nowhere; the post is gone for them), or shown again.
 */
async function tellAuthor(
  postId: number,
  post: NonNullable<Awaited<ReturnType<typeof lockPost>>>,
  status: PostStatus,
  actorId: string,
) {
  if (!post.authorId) return;
  const db = await getDb();
  const recipientIds = await usersWhoCanSee(db, [post.authorId], post.categoryId);
  const restored = status === "visible";
  await sendForumNotification({
    recipientIds,
    kind: "moderation",
    actorId,
    url: restored ? postHref(post.thread, post.number) : NOTIFICATIONS_PATH,
    subjectKey: `post:${postId}`,
    params: {
      decision: restored ? "postRestored" : status === "deleted" ? "postDeleted" : "postHidden",
      title: post.thread.title,
    },
  });
}

/**
 * A renamed thread's notification lines name it by its new title and lead to its new address, in the
 * centre and in mails still to go out: its replies and mentions, its posts' moderation decisions and
 * the decisions on reports about them. Links listed in a line (`items`) are renamed too.
 */
async function renameThreadInNotifications(
  tx: Executor,
  thread: { id: number; slug: string; title: string },
) {
  const oldPath = `(^|\\s)/forum/t/${thread.id}/[^/?#\\s]*`;
  const newPath = `\\1${threadHref(thread)}`;
  const renamed = (text: SQL) => sql`regexp_replace(${text}, ${oldPath}, ${newPath}, 'g')`;
  await tx.execute(sql`update notifications set
      params = params || jsonb_build_object('title', ${thread.title}::text)
        || case when params ? 'items' then jsonb_build_object('items', ${renamed(sql`params->>'items'`)})
          else '{}'::jsonb end,
      url = ${renamed(sql`url`)}
    where params ? 'title' and (subject_key = ${`thread:${thread.id}`} or subject_key in (
      select k from forum_posts p, lateral (values ('post:' || p.id), ('report:post:' || p.id)) as keys(k)
      where p.thread_id = ${thread.id}))`);
}

export async function updateThreadFlags(input: {
  threadId: number;
  actorId: string;
  set: Partial<{ pinned: boolean; locked: boolean; closed: boolean; categoryId: string; title: string }>;
}) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const values = { ...input.set, ...(input.set.title ? { slug: slugify(input.set.title) } : {}) };
    const [before] = await tx
      .select({ categoryId: forumThreads.categoryId })
      .from(forumThreads)
      .where(eq(forumThreads.id, input.threadId))
      .for("update");
    await tx.update(forumThreads).set(values).where(eq(forumThreads.id, input.threadId));
    if (input.set.title && values.slug)
      await renameThreadInNotifications(tx, {
        id: input.threadId,
        slug: values.slug,
        title: input.set.title,
      });
    if (input.set.categoryId && before && before.categoryId !== input.set.categoryId) {
      await tx
        .update(forumPosts)
        .set({ categoryId: input.set.categoryId })
        .where(eq(forumPosts.threadId, input.threadId));
      await recount(tx, input.threadId, [before.categoryId, input.set.categoryId]);
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "forum.thread.update",
      targetType: "forum_thread",
      targetId: String(input.threadId),
      data: input.set,
    });
  });
}
