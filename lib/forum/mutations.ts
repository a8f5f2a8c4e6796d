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
import { uploadRow } from "@/db/uploads";
import { recordAudit } from "@/lib/audit/mutations";
import { type Once, startSubmission } from "@/lib/submissions/mutations";
import type { PendingAttachment } from "@/lib/uploads/constants";
import type { ProcessedAttachment } from "./attachments";
import { lockPost } from "./moderation-mutations";
import { notifyAfterPost, notifyMentions, resolveMentions } from "./notify";
import { claimForumPending } from "./pending-attachments";
import { type Mentioned, renderPost } from "./render";
import { slugify } from "./utils";

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
  /** The members the body names, when the caller resolved them already (resolveMentions). */
  mentioned?: Mentioned[];
  attachments?: ProcessedAttachment[];
  /** The author's files kept from a preview (lib/forum/pending-attachments.ts). */
  pending?: PendingAttachment[];
  hold?: boolean;
  /** The form's one-time key: sent again, it creates nothing (lib/submissions). */
  once?: Once<{ thread: { id: number; slug: string } }>;
}) {
  const db = await getDb();
  const mentioned = input.mentioned ?? (await resolveMentions(input.body));
  const status: PostStatus = input.hold ? "pending" : "visible";
  const result = await db.transaction(async (tx) => {
    const submitted = await startSubmission(tx, input.once);
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
    return submitted({ thread: thread!, postId: post!.id });
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
  /** The members the body names, when the caller resolved them already (resolveMentions). */
  mentioned?: Mentioned[];
  attachments?: ProcessedAttachment[];
  /** The author's files kept from a preview (lib/forum/pending-attachments.ts). */
  pending?: PendingAttachment[];
  hold?: boolean;
  /** The form's one-time key: sent again, it creates nothing (lib/submissions). */
  once?: Once<{ thread: { number: number } }>;
}) {
  const db = await getDb();
  const mentioned = input.mentioned ?? (await resolveMentions(input.body));
  const status: PostStatus = input.hold ? "pending" : "visible";
  const visible = status === "visible";
  const result = await db.transaction(async (tx) => {
    const submitted = await startSubmission(tx, input.once);
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
    return submitted({ thread, postId: post!.id });
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

/**
 * Saves a new text, keeping the previous one as a revision members who can read the post can see
 * (until its author or a coordinator removes the earlier versions).
 * Members the edit newly names with @ are told, as for a new post.
 */
export async function editPost(input: {
  postId: number;
  editorId: string;
  body: string;
  /** The members the body names, when the caller resolved them already (resolveMentions). */
  mentioned?: Mentioned[];
}) {
  const db = await getDb();
  const mentioned = input.mentioned ?? (await resolveMentions(input.body));
  const edited = await db.transaction(async (tx) => {
    const old = await lockPost(tx, input.postId);
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

/** Gives the member's reaction (`give`) or takes it back; either again changes nothing. */
export async function setReaction({
  give,
  ...reaction
}: {
  postId: number;
  userId: string;
  emoji: string;
  give: boolean;
}) {
  const db = await getDb();
  if (give) {
    await db.insert(forumReactions).values(reaction).onConflictDoNothing();
    return;
  }
  await db
    .delete(forumReactions)
    .where(
      and(
        eq(forumReactions.postId, reaction.postId),
        eq(forumReactions.userId, reaction.userId),
        eq(forumReactions.emoji, reaction.emoji),
      ),
    );
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
