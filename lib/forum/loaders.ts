import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getViewer, redirectToLogin } from "@/lib/auth/viewer";
import { getRequestLocale } from "@/lib/i18n/server";
import { markSubjectRead } from "@/lib/notifications/mutations";
import {
  getCategory,
  getThread,
  getWatchLevel,
  listCategories,
  listCategoryThreads,
  listLatestThreads,
  type ThreadCursor,
} from "./data";
import { recordRead } from "./mutations";
import { getPost, listRevisions, listThreadPosts } from "./post-data";
import { pageCount } from "./utils";
import { type ForumViewer, forumViewer, isModerator } from "./visibility";

export async function loadForumViewer(): Promise<ForumViewer> {
  return forumViewer(await getViewer());
}

const parseCursor = (value: unknown): ThreadCursor | undefined => {
  if (typeof value !== "string") return undefined;
  const [at, id] = value.split("_");
  const n = Number(id);
  return at && !Number.isNaN(Date.parse(at)) && Number.isInteger(n) ? { at, id: n } : undefined;
};
export const cursorParam = (c: ThreadCursor) => `${c.at}_${c.id}`;

export async function loadForumIndex() {
  const viewer = await loadForumViewer();
  return { viewer, categories: await listCategories({ viewer, locale: await getRequestLocale() }) };
}

/** Cached per request: generateMetadata and the page share one load. */
export const loadCategoryPage = cache(async (slug: string, after: unknown) => {
  const viewer = await loadForumViewer();
  const locale = await getRequestLocale();
  const category = await getCategory({ viewer, slug, locale });
  if (!category) notFound();
  const cursor = parseCursor(after);
  const [list, watch] = await Promise.all([
    listCategoryThreads({ viewer, categoryId: category.id, after: cursor, locale }),
    viewer ? getWatchLevel({ userId: viewer.id, subjectType: "category", subjectId: category.id }) : null,
  ]);
  return { viewer, category, ...list, isFirst: !cursor, watch };
});

export async function loadLatest(after: unknown) {
  const viewer = await loadForumViewer();
  if (!viewer) notFound();
  const cursor = parseCursor(after);
  const locale = await getRequestLocale();
  return { viewer, ...(await listLatestThreads({ viewer, after: cursor, locale })), isFirst: !cursor };
}

/**
 * A thread page: 404 for members who may not see it, the login (and back) for visitors, whether or
 * not the thread exists; marks the page and the thread's notifications as read for members. Cached per request: generateMetadata
 * and the page share one load (and one read mark).
 */
export const loadThreadPage = cache(async (id: string, pageParam: unknown) => {
  const threadId = Number(id);
  if (!Number.isInteger(threadId) || threadId <= 0) notFound();
  const viewer = await loadForumViewer();
  const locale = await getRequestLocale();
  const thread = await getThread({ viewer, threadId, locale });
  if (!thread) return viewer ? notFound() : redirectToLogin();
  const pages = pageCount(thread.lastNumber);
  const requested = typeof pageParam === "string" ? Number(pageParam) : 1;
  const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, pages) : 1;
  const posts = await listThreadPosts({ viewer, threadId, page, locale });
  const { watch, lastRead } = thread;
  const seen = posts.at(-1)?.number;
  if (viewer && seen && (lastRead ?? 0) < seen)
    await recordRead({ userId: viewer.id, threadId, number: seen });
  if (viewer) await markSubjectRead({ userId: viewer.id, subjectKey: `thread:${threadId}` });
  const moderator = isModerator(viewer);
  return {
    viewer,
    thread,
    posts,
    page,
    pages,
    watch,
    lastRead,
    moderator,
    canReply:
      viewer !== null && thread.status !== "deleted" && (moderator || (!thread.locked && !thread.closed)),
  };
});

/** A post its author (or a coordinator) may edit; anyone else gets "not found". */
export async function loadEditablePost(id: string) {
  const viewer = await loadForumViewer();
  const postId = Number(id);
  if (!viewer || !Number.isInteger(postId)) notFound();
  const post = await getPost({ viewer, postId });
  if (!post || post.status === "deleted") notFound();
  if (post.authorId !== viewer.id && !isModerator(viewer)) notFound();
  if (post.thread.locked && !isModerator(viewer)) notFound();
  return { viewer, post };
}

/**
 * A post's earlier versions, for members who may read the post: visitors sign in first, as the
 * history keeps what an author took out again. Its author and coordinators may remove them.
 */
export async function loadPostHistory(id: string) {
  const viewer = await loadForumViewer();
  if (!viewer) return redirectToLogin();
  const postId = Number(id);
  if (!Number.isInteger(postId)) notFound();
  const post = await getPost({ viewer, postId });
  if (!post) notFound();
  const revisions = await listRevisions({ postId });
  const canRemove = post.status !== "deleted" && (post.authorId === viewer.id || isModerator(viewer));
  return { post, revisions, canRemove };
}

/** The post to quote in a reply, if the viewer may read it and it is in this thread. */
export async function loadQuote(threadId: number, quote: unknown) {
  const viewer = await loadForumViewer();
  const postId = Number(quote);
  if (!viewer || typeof quote !== "string" || !Number.isInteger(postId)) return null;
  const post = await getPost({ viewer, postId });
  return post && post.threadId === threadId && post.status === "visible" ? post : null;
}
