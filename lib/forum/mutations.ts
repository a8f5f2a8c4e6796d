import "server-only";
import { and, eq, sql } from "drizzle-orm";
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
  type WatchLevel,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/mutations";
import type { ProcessedAttachment } from "./attachments";
import { findMembersByNames } from "./data";
import { sendForumNotification } from "./notify";
import { type Mentioned, renderPost } from "./render";
import { mentionCandidates, postHref, slugify } from "./utils";

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
  const rows = await tx.execute(sql`select u.id from users u, forum_categories c
    where c.id = ${categoryId} and u.id in ${userIds} and u.status = 'approved'
      and (c.visibility in ('public', 'members') or u.role in ('coordinator', 'admin')
        or exists (select 1 from working_group_members g where g.group_id = c.group_id and g.user_id = u.id))`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

async function addAttachments(tx: Executor, ownerId: string, postId: number, files: ProcessedAttachment[]) {
  for (const file of files) {
    const [upload] = await tx
      .insert(uploads)
      .values({
        ownerId,
        // The uploads table serves several purposes; forum files are served by the forum's own route.
        purpose: "forum_attachment",
        contentType: file.contentType,
        width: file.width,
        height: file.height,
        byteSize: file.data.byteLength,
        data: file.data,
      })
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

/** Mentioned members get "mention"; watchers of the thread or its category get "reply"; muters nothing. */
async function notifyAfterPost(input: {
  authorId: string;
  categoryId: string;
  thread: { id: number; slug: string };
  number: number;
  mentioned: Mentioned[];
  title: string;
}) {
  const db = await getDb();
  const url = postHref(input.thread, input.number);
  const mentionIds = await usersWhoCanSee(
    db,
    input.mentioned.map((m) => m.id).filter((id) => id !== input.authorId),
    input.categoryId,
  );
  const params = { title: input.title };
  const subjectKey = `thread:${input.thread.id}`;
  if (mentionIds.length) {
    await sendForumNotification({
      recipientIds: mentionIds,
      kind: "mention",
      actorId: input.authorId,
      url,
      subjectKey,
      params,
    });
  }
  if (input.number === 1) return;
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
    [...new Set(watchers)].filter((id) => !mentionIds.includes(id)),
    input.categoryId,
  );
  if (replyIds.length) {
    await sendForumNotification({
      recipientIds: replyIds,
      kind: "reply",
      actorId: input.authorId,
      url,
      subjectKey,
      params,
    });
  }
}

/** Saves a new text, keeping the previous one as a revision anyone who can read the post can see. */
export async function editPost(input: { postId: number; editorId: string; body: string }) {
  const db = await getDb();
  const mentioned = await resolveMentions(input.body);
  await db.transaction(async (tx) => {
    const [old] = await tx
      .select({ body: forumPosts.body })
      .from(forumPosts)
      .where(eq(forumPosts.id, input.postId))
      .for("update");
    if (!old || old.body === input.body) return;
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
  });
}

/**
 * Sets a post's status (author's soft delete, or a coordinator's hide/restore/delete/approve).
 * The first post carries its thread: hiding it hides the thread too.
 */
export async function setPostStatus(input: {
  postId: number;
  status: PostStatus;
  actorId: string;
  audit?: boolean;
}) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: forumPosts.status })
      .from(forumPosts)
      .where(eq(forumPosts.id, input.postId))
      .for("update");
    const [post] = await tx
      .update(forumPosts)
      .set({ status: input.status })
      .where(eq(forumPosts.id, input.postId))
      .returning({
        threadId: forumPosts.threadId,
        number: forumPosts.number,
        categoryId: forumPosts.categoryId,
      });
    if (!post || !before) return;
    const approved = before.status === "pending" && input.status === "visible";
    if (post.number === 1) {
      await tx.update(forumThreads).set({ status: input.status }).where(eq(forumThreads.id, post.threadId));
      if (approved) await bumpCategory(tx, post.categoryId, { threads: 1 });
    } else if (approved) {
      await tx
        .update(forumThreads)
        .set({ replyCount: sql`${forumThreads.replyCount} + 1`, lastPostAt: sql`now()` })
        .where(eq(forumThreads.id, post.threadId));
      await bumpCategory(tx, post.categoryId, {});
    }
    if (input.audit) {
      await recordAudit(tx, {
        actorId: input.actorId,
        action: `forum.post.${input.status}`,
        targetType: "forum_post",
        targetId: String(input.postId),
      });
    }
  });
}

export async function updateThreadFlags(input: {
  threadId: number;
  actorId: string;
  set: Partial<{ pinned: boolean; locked: boolean; closed: boolean; categoryId: string; title: string }>;
}) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const values = { ...input.set, ...(input.set.title ? { slug: slugify(input.set.title) } : {}) };
    await tx.update(forumThreads).set(values).where(eq(forumThreads.id, input.threadId));
    if (input.set.categoryId) {
      await tx
        .update(forumPosts)
        .set({ categoryId: input.set.categoryId })
        .where(eq(forumPosts.threadId, input.threadId));
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
