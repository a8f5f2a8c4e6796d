import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type Executor, getDb, rowsOf } from "@/db/client";
import {
  forumAttachments,
  forumCategories,
  forumPostRevisions,
  forumPosts,
  forumReactions,
  forumReadState,
  forumThreads,
  forumWatches,
  type PostStatus,
  uploads,
  users,
  type WatchLevel,
} from "@/db/schema";
import { uploadRow } from "@/db/uploads";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/kinds";
import { retractNotifications, withdrawItem } from "@/lib/notifications/mutations";
import type { PendingAttachment } from "@/lib/uploads/constants";
import type { ProcessedAttachment } from "./attachments";
import { findMembersByNames } from "./data";
import { sendForumNotification } from "./notify";
import { claimForumPending } from "./pending-attachments";
import { othersReplied } from "./removal";
import { type Mentioned, renderPost } from "./render";
import { mentionCandidates, postAnchor, postHref, slugify } from "./utils";
import { mayReadCategory } from "./visibility";

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

/** Of these users, the approved ones who may see the category: nobody learns of restricted content. */
export async function usersWhoCanSee(tx: Executor, userIds: string[], categoryId: string): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.status, "approved"), mayReadCategory(categoryId)));
  return rows.map((r) => r.id);
}

async function addAttachments(tx: Executor, ownerId: string, postId: number, files: ProcessedAttachment[]) {
  for (const file of files) {
    const [upload] = await tx
      .insert(uploads)
      // The uploads table serves several purposes; forum files are served by the forum's own route.
      .values(uploadRow(ownerId, "forum_attachment", file))
      .returning({ id: uploads.id });
    await tx.insert(forumAttachments).values({ postId, uploadId: upload!.id, filename: file.filename });
  }
}

async function watchIfUnset(tx: Executor, userId: string, threadId: number) {
  await tx
    .insert(forumWatches)
    .values({ userId, subjectType: "thread", subjectId: String(threadId), level: "watch" })
    .onConflictDoNothing();
}

async function markRead(tx: Executor, userId: string, threadId: number, number: number) {
  await tx
    .insert(forumReadState)
    .values({ userId, threadId, lastReadNumber: number })
    .onConflictDoUpdate({
      target: [forumReadState.userId, forumReadState.threadId],
      set: {
        lastReadNumber: sql`greatest(${forumReadState.lastReadNumber}, excluded.last_read_number)`,
        updatedAt: sql`now()`,
      },
    });
}

export async function createThread(input: {
  authorId: string;
  categoryId: string;
  title: string;
  body: string;
  attachments?: ProcessedAttachment[];
  /** The author's files kept from a preview (lib/forum/pending-attachments.ts). */
  pending?: PendingAttachment[];
  hold?: boolean;
}) {
  const db = await getDb();
  const mentioned = await resolveMentions(input.body);
  const status: PostStatus = input.hold ? "pending" : "visible";
  const result = await db.transaction(async (tx) => {
    const [thread] = await tx
      .insert(forumThreads)
      .values({
        categoryId: input.categoryId,
        authorId: input.authorId,
        title: input.title,
        slug: slugify(input.title),
        status,
        lastNumber: 1,
      })
      .returning({ id: forumThreads.id, slug: forumThreads.slug });
    const [post] = await tx
      .insert(forumPosts)
      .values({
        threadId: thread!.id,
        categoryId: input.categoryId,
        number: 1,
        authorId: input.authorId,
        body: input.body,
        bodyHtml: renderPost(input.body, mentioned),
        status,
      })
      .returning({ id: forumPosts.id });
    if (status === "visible") await bumpCategory(tx, input.categoryId, { threads: 1 });
    await addAttachments(tx, input.authorId, post!.id, input.attachments ?? []);
    await claimForumPending(tx, input.authorId, post!.id, input.pending ?? []);
    await watchIfUnset(tx, input.authorId, thread!.id);
    await markRead(tx, input.authorId, thread!.id, 1);
    return { thread: thread!, postId: post!.id };
  });
  if (status === "visible")
    await notifyAfterPost({ ...input, ...result, number: 1, mentioned, title: input.title });
  return { ...result, status };
}

async function bumpCategory(tx: Executor, categoryId: string, by: { threads?: number }) {
  await tx
    .update(forumCategories)
    .set({
      threadCount: sql`${forumCategories.threadCount} + ${by.threads ?? 0}`,
      postCount: sql`${forumCategories.postCount} + 1`,
      lastPostAt: sql`now()`,
    })
    .where(eq(forumCategories.id, categoryId));
}

export async function createReply(input: {
  authorId: string;
  threadId: number;
  body: string;
  attachments?: ProcessedAttachment[];
  /** The author's files kept from a preview (lib/forum/pending-attachments.ts). */
  pending?: PendingAttachment[];
  hold?: boolean;
}) {
  const db = await getDb();
  const mentioned = await resolveMentions(input.body);
  const status: PostStatus = input.hold ? "pending" : "visible";
  const visible = status === "visible";
  const result = await db.transaction(async (tx) => {
    // Taking the next number locks the thread row: replies to one thread are numbered one after another.
    const [thread] = await tx
      .update(forumThreads)
      .set({
        lastNumber: sql`${forumThreads.lastNumber} + 1`,
        replyCount: visible ? sql`${forumThreads.replyCount} + 1` : forumThreads.replyCount,
        lastPostAt: visible ? sql`now()` : forumThreads.lastPostAt,
      })
      .where(eq(forumThreads.id, input.threadId))
      .returning({
        number: forumThreads.lastNumber,
        slug: forumThreads.slug,
        title: forumThreads.title,
        categoryId: forumThreads.categoryId,
      });
    if (!thread) throw new Error("thread vanished");
    const [post] = await tx
      .insert(forumPosts)
      .values({
        threadId: input.threadId,
        categoryId: thread.categoryId,
        number: thread.number,
        authorId: input.authorId,
        body: input.body,
        bodyHtml: renderPost(input.body, mentioned),
        status,
      })
      .returning({ id: forumPosts.id });
    if (visible) await bumpCategory(tx, thread.categoryId, {});
    await addAttachments(tx, input.authorId, post!.id, input.attachments ?? []);
    await claimForumPending(tx, input.authorId, post!.id, input.pending ?? []);
    await watchIfUnset(tx, input.authorId, input.threadId);
    await markRead(tx, input.authorId, input.threadId, thread.number);
    return { thread, postId: post!.id };
  });
  const thread = { id: input.threadId, slug: result.thread.slug };
  if (visible) {
    await notifyAfterPost({
      authorId: input.authorId,
      categoryId: result.thread.categoryId,
      thread,
      number: result.thread.number,
      mentioned,
      title: result.thread.title,
    });
  }
  return { postId: result.postId, number: result.thread.number, thread, status };
}

type PostNotice = {
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
async function notifyMentions(input: PostNotice, skip = new Set<string>()): Promise<string[]> {
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
async function notifyAfterPost(input: PostNotice) {
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

/**
 * Saves a new text, keeping the previous one as a revision members who can read the post can see
 * (until its author or a coordinator removes the earlier versions).
 * Members the edit newly names with @ are told, as for a new post.
 */
export async function editPost(input: { postId: number; editorId: string; body: string }) {
  const db = await getDb();
  const mentioned = await resolveMentions(input.body);
  const edited = await db.transaction(async (tx) => {
    const [old] = await tx
      .select({
        body: forumPosts.body,
        status: forumPosts.status,
        number: forumPosts.number,
        authorId: forumPosts.authorId,
        categoryId: forumPosts.categoryId,
        thread: { id: forumThreads.id, slug: forumThreads.slug, title: forumThreads.title },
      })
      .from(forumPosts)
      .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
      .where(eq(forumPosts.id, input.postId))
      .for("update", { of: forumPosts });
    if (!old || old.body === input.body) return null;
    await tx
      .insert(forumPostRevisions)
      .values({ postId: input.postId, editorId: input.editorId, body: old.body });
    await tx
      .update(forumPosts)
      .set({
        body: input.body,
        bodyHtml: renderPost(input.body, mentioned),
        editCount: sql`${forumPosts.editCount} + 1`,
        editedAt: sql`now()`,
      })
      .where(eq(forumPosts.id, input.postId));
    return old;
  });
  if (edited?.status !== "visible" || !edited.authorId) return;
  const before = new Set((await resolveMentions(edited.body)).map((m) => m.id));
  await notifyMentions({
    authorId: edited.authorId,
    categoryId: edited.categoryId,
    thread: edited.thread,
    number: edited.number,
    mentioned: mentioned.filter((m) => !before.has(m.id)),
    title: edited.thread.title,
  });
}

/**
 * Deletes every earlier version of a post, so its history holds only the current text (the post
 * still counts as edited). A coordinator removing another member's versions is audited.
 */
export async function removeEarlierVersions(input: { postId: number; actorId: string; audit: boolean }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(forumPostRevisions)
      .where(eq(forumPostRevisions.postId, input.postId))
      .returning({ id: forumPostRevisions.id });
    if (input.audit && removed.length > 0)
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "forum.post.versionsRemoved",
        targetType: "forum_post",
        targetId: String(input.postId),
        data: { versions: removed.length },
      });
    return removed.length;
  });
}

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

/** The thread's visible posts, in order. */
async function visiblePosts(threadId: number) {
  const db = await getDb();
  return db
    .select({ number: forumPosts.number, authorId: forumPosts.authorId, body: forumPosts.body })
    .from(forumPosts)
    .where(and(eq(forumPosts.threadId, threadId), eq(forumPosts.status, "visible")))
    .orderBy(forumPosts.number);
}

/**
 * Sets a post's status (author's soft delete, or a coordinator's hide/restore/delete/approve).
 * The first post carries its thread: hiding it hides the thread too, and deleting it deletes the
 * thread unless others have answered (then only the post is blanked, their replies stay). Returns
 * whether the thread went with it. A released post is announced as a new one would be; what is gone
 * is taken out of everyone's notifications; the author of a held post hears the decision.
 * `allowedFrom`: a change the post's current state (read under its lock) does not allow is refused,
 * nothing changed ("decisionRefused").
 */
export async function setPostStatus(input: {
  postId: number;
  status: PostStatus;
  actorId: string;
  audit?: boolean;
  allowedFrom?: (current: PostStatus) => boolean;
}): Promise<{ threadGone: boolean }> {
  const db = await getDb();
  const change = await db.transaction(async (tx) => {
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
      .where(eq(forumPosts.id, input.postId))
      .for("update", { of: forumPosts });
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
      await tx
        .update(forumThreads)
        .set({ lastPostAt: sql`now()` })
        .where(eq(forumThreads.id, post.thread.id));
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
    return { post, withThread };
  });
  if (!change) return { threadGone: false };
  const { post, withThread } = change;
  // A held post now published is news to its watchers and mentioned members; a hidden one restored
  // is news again (hiding took it out of everyone's notifications) for those who have not read it. A
  // restored opening post brings back its thread, whose hiding took every line about the thread.
  const restored = post.status === "hidden";
  if ((restored || post.status === "pending") && input.status === "visible") {
    const news = restored && withThread ? await visiblePosts(post.thread.id) : [post];
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
  if (post.status === "pending" && post.authorId && input.status !== "pending") {
    const approved = input.status === "visible";
    await sendForumNotification({
      recipientIds: [post.authorId],
      kind: "moderation",
      actorId: input.actorId,
      url: approved ? postHref(post.thread, post.number) : NOTIFICATIONS_PATH,
      subjectKey: `post:${input.postId}`,
      params: { decision: approved ? "approve" : "reject", title: post.thread.title },
    });
  }
  return { threadGone: withThread && input.status !== "visible" };
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

/** Adds the reaction, or takes it back if the member had already given it. */
export async function toggleReaction(input: { postId: number; userId: string; emoji: string }) {
  const db = await getDb();
  const removed = await db
    .delete(forumReactions)
    .where(
      and(
        eq(forumReactions.postId, input.postId),
        eq(forumReactions.userId, input.userId),
        eq(forumReactions.emoji, input.emoji),
      ),
    )
    .returning({ postId: forumReactions.postId });
  if (removed.length === 0) await db.insert(forumReactions).values(input).onConflictDoNothing();
}

export async function setWatch(input: {
  userId: string;
  subjectType: "thread" | "category";
  subjectId: string;
  level: WatchLevel | null;
}) {
  const db = await getDb();
  const where = and(
    eq(forumWatches.userId, input.userId),
    eq(forumWatches.subjectType, input.subjectType),
    eq(forumWatches.subjectId, input.subjectId),
  );
  if (input.level === null) {
    await db.delete(forumWatches).where(where);
    return;
  }
  await db
    .insert(forumWatches)
    .values({ ...input, level: input.level })
    .onConflictDoUpdate({
      target: [forumWatches.userId, forumWatches.subjectType, forumWatches.subjectId],
      set: { level: input.level },
    });
}

export async function recordRead(input: { userId: string; threadId: number; number: number }) {
  await markRead(await getDb(), input.userId, input.threadId, input.number);
}

/** Whether the author has no visible post yet: their first posts may be held for approval. */
export async function isFirstTimePoster(userId: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db.execute(
    sql`select 1 from forum_posts where author_id = ${userId} and status = 'visible' limit 1`,
  );
  return rowsOf(rows).length === 0;
}
