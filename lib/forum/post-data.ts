/** Reads of posts: a thread's page of them, one post, its revisions, an attachment's file. */
import "server-only";
import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  forumAttachments,
  forumPostRevisions,
  forumPosts,
  forumReactions,
  forumThreads,
  type PostStatus,
  profiles,
  uploads,
  users,
} from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { namespaceTranslator } from "@/lib/i18n/translator";
import { getThread } from "./data";
import { renderPost, withholdNames } from "./render";
import { numberRange } from "./utils";
import {
  type ForumViewer,
  inVisibleCategory,
  postReadable,
  seenAuthorName,
  threadVisible,
} from "./visibility";
import { findWithheldForVisitors, namedIn } from "./withheld";

export type PostView = {
  id: number;
  number: number;
  status: PostStatus;
  authorId: string | null;
  /** Null for an erased account, or where the author keeps their name to members (then `authorWithheld`). */
  authorName: string | null;
  authorWithheld: boolean;
  /** Null when the viewer may not read it (hidden or deleted): shown as a placeholder. */
  bodyHtml: string | null;
  body: string | null;
  editCount: number;
  editedAt: Date | null;
  createdAt: Date;
  reactions: { emoji: string; count: number; mine: boolean }[];
  attachments: { id: string; filename: string; contentType: string; width: number; height: number }[];
};

/** One page of a thread by post number: (page-1)*20 < number <= page*20, an index range at any depth. */
export async function listThreadPosts({
  viewer,
  threadId,
  page,
  locale = "de",
}: {
  viewer: ForumViewer;
  threadId: number;
  page: number;
  /** The language of "Mitglied des Netzwerks", for names in the posts' text a visitor may not see. */
  locale?: Locale;
}): Promise<PostView[]> {
  const db = await getDb();
  const { after, upTo } = numberRange(page);
  const readable = postReadable(viewer, forumPosts.status, forumPosts.authorId);
  const author = seenAuthorName(viewer);
  const rows = await db
    .select({
      id: forumPosts.id,
      number: forumPosts.number,
      status: forumPosts.status,
      authorId: forumPosts.authorId,
      authorName: author.name,
      authorWithheld: author.withheld,
      readable: sql<boolean>`${readable}`,
      bodyHtml: forumPosts.bodyHtml,
      body: forumPosts.body,
      editCount: forumPosts.editCount,
      editedAt: forumPosts.editedAt,
      createdAt: forumPosts.createdAt,
      // Reactions and attachments come as JSON in the same query: one round trip for the page.
      reactions: sql<PostView["reactions"]>`(
        select coalesce(json_agg(json_build_object('emoji', r.emoji, 'count', r.n, 'mine', r.mine)), '[]'::json)
        from (select ${forumReactions.emoji} as emoji, count(*)::int as n,
                     ${viewer ? sql`bool_or(${forumReactions.userId} = ${viewer.id})` : sql`false`} as mine
              from ${forumReactions} where ${forumReactions.postId} = ${forumPosts.id}
              group by ${forumReactions.emoji}) r)`,
      attachments: sql<PostView["attachments"]>`(
        select coalesce(json_agg(json_build_object('id', ${forumAttachments.id}, 'filename', ${forumAttachments.filename},
          'contentType', ${uploads.contentType}, 'width', ${uploads.width}, 'height', ${uploads.height})
          order by ${forumAttachments.createdAt}), '[]'::json)
        from ${forumAttachments} join ${uploads} on ${uploads.id} = ${forumAttachments.uploadId}
        where ${forumAttachments.postId} = ${forumPosts.id})`,
    })
    .from(forumPosts)
    .leftJoin(users, eq(users.id, forumPosts.authorId))
    .leftJoin(profiles, eq(profiles.userId, forumPosts.authorId))
    .where(and(eq(forumPosts.threadId, threadId), gt(forumPosts.number, after), lte(forumPosts.number, upTo)))
    .orderBy(asc(forumPosts.number));
  // Held posts of others are left out entirely: nobody else should learn they exist.
  const posts = rows
    .filter((r) => r.readable || r.status !== "pending")
    .map(({ readable: ok, ...r }) => ({
      ...r,
      // Seeded or imported posts may come without stored HTML: render them here.
      bodyHtml: ok ? r.bodyHtml || renderPost(r.body) : null,
      body: ok ? r.body : null,
      attachments: ok ? r.attachments : [],
    }));
  return viewer ? posts : withholdFromVisitors(posts, threadId, locale);
}

/** Names in the posts' text (mentions, quotes' authors) that visitors may not see, as "Mitglied des Netzwerks". */
async function withholdFromVisitors(posts: PostView[], threadId: number, locale: Locale) {
  const readable = posts.filter((p) => p.bodyHtml !== null && p.body !== null);
  const withheld = await findWithheldForVisitors(
    readable.map((p) => namedIn({ body: p.body!, bodyHtml: p.bodyHtml! })),
    [threadId],
  );
  if (withheld.length === 0) return posts;
  const label = namespaceTranslator(locale, "forum")("withheldName");
  return posts.map((p) =>
    p.bodyHtml === null ? p : { ...p, bodyHtml: withholdNames(p.bodyHtml, withheld, label, threadId) },
  );
}

/** One post with its thread, if the viewer can see the thread; used by edit, quote, report, history. */
export async function getPost({ viewer, postId }: { viewer: ForumViewer; postId: number }) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: forumPosts.id,
      threadId: forumPosts.threadId,
      number: forumPosts.number,
      status: forumPosts.status,
      authorId: forumPosts.authorId,
      authorName: users.name,
      body: forumPosts.body,
      bodyHtml: forumPosts.bodyHtml,
      editCount: forumPosts.editCount,
      createdAt: forumPosts.createdAt,
      readable: sql<boolean>`${postReadable(viewer, forumPosts.status, forumPosts.authorId)}`,
    })
    .from(forumPosts)
    .leftJoin(users, eq(users.id, forumPosts.authorId))
    .where(and(eq(forumPosts.id, postId), inVisibleCategory(viewer, forumPosts.categoryId)))
    .limit(1);
  if (!row?.readable) return null;
  const thread = await getThread({ viewer, threadId: row.threadId });
  return thread ? { ...row, thread } : null;
}

export async function listRevisions({ postId }: { postId: number }) {
  const db = await getDb();
  return db
    .select({
      id: forumPostRevisions.id,
      body: forumPostRevisions.body,
      createdAt: forumPostRevisions.createdAt,
      editorName: users.name,
    })
    .from(forumPostRevisions)
    .leftJoin(users, eq(users.id, forumPostRevisions.editorId))
    .where(eq(forumPostRevisions.postId, postId))
    .orderBy(asc(forumPostRevisions.createdAt));
}

/**
 * An attachment's file, if the viewer may read the post it belongs to; `isPublic` when anyone may
 * (the route lets shared caches keep only those).
 */
export async function getAttachmentFile({ viewer, id }: { viewer: ForumViewer; id: string }) {
  const db = await getDb();
  const [row] = await db
    .select({
      filename: forumAttachments.filename,
      contentType: uploads.contentType,
      data: uploads.data,
      // What a visitor could fetch too, so a shared cache may keep it: not a held, hidden or deleted post's.
      isPublic: sql<boolean>`(${forumPosts.status} = 'visible' and ${forumThreads.status} = 'visible'
        and exists (select 1 from forum_categories c where c.id = ${forumPosts.categoryId} and c.visibility = 'public'))`,
    })
    .from(forumAttachments)
    .innerJoin(uploads, eq(uploads.id, forumAttachments.uploadId))
    .innerJoin(forumPosts, eq(forumPosts.id, forumAttachments.postId))
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(
      and(
        eq(forumAttachments.id, id),
        inVisibleCategory(viewer, forumPosts.categoryId),
        postReadable(viewer, forumPosts.status, forumPosts.authorId),
        threadVisible(viewer),
      ),
    )
    .limit(1);
  return row ?? null;
}
