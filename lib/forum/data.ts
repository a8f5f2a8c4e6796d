import "server-only";
import { and, asc, desc, eq, gt, lte, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, rowsOf } from "@/db/client";
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
  profiles,
  uploads,
  users,
  type WatchLevel,
  workingGroups,
} from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { namespaceTranslator } from "@/lib/i18n/translator";
import { getSetting } from "@/lib/settings/data";
import { categoryText } from "./category-text";
import { renderPost, withholdNames } from "./render";
import { numberRange, THREADS_PER_PAGE } from "./utils";
import {
  categoryVisible,
  type ForumViewer,
  inVisibleCategory,
  isModerator,
  postReadable,
  seenAuthorName,
} from "./visibility";
import { findWithheldForVisitors, namedIn } from "./withheld";

export type CategorySummary = {
  id: string;
  slug: string;
  name: string;
  description: string;
  color: string;
  visibility: "public" | "members" | "group";
  groupName: string | null;
  threadCount: number;
  postCount: number;
  lastPostAt: Date | null;
};

/** `locale` picks the name and description: a coordinator's translation or the German original. */
const categoryColumns = (locale: Locale) => ({
  id: forumCategories.id,
  slug: forumCategories.slug,
  name: categoryText(locale, "name"),
  description: categoryText(locale, "description"),
  color: forumCategories.color,
  visibility: forumCategories.visibility,
  groupName: workingGroups.name,
  threadCount: forumCategories.threadCount,
  postCount: forumCategories.postCount,
  lastPostAt: forumCategories.lastPostAt,
});

export async function listCategories({
  viewer,
  locale = "de",
}: {
  viewer: ForumViewer;
  locale?: Locale;
}): Promise<CategorySummary[]> {
  const db = await getDb();
  return db
    .select(categoryColumns(locale))
    .from(forumCategories)
    .leftJoin(workingGroups, eq(workingGroups.id, forumCategories.groupId))
    .where(categoryVisible(viewer))
    .orderBy(asc(forumCategories.position), asc(forumCategories.name));
}

export async function getCategory({
  viewer,
  slug,
  locale = "de",
}: {
  viewer: ForumViewer;
  slug: string;
  locale?: Locale;
}): Promise<CategorySummary | null> {
  const db = await getDb();
  const [row] = await db
    .select(categoryColumns(locale))
    .from(forumCategories)
    .leftJoin(workingGroups, eq(workingGroups.id, forumCategories.groupId))
    .where(and(eq(forumCategories.slug, slug), categoryVisible(viewer)))
    .limit(1);
  return row ?? null;
}

export type ThreadSummary = {
  id: number;
  slug: string;
  title: string;
  status: PostStatus;
  pinned: boolean;
  locked: boolean;
  closed: boolean;
  replyCount: number;
  lastNumber: number;
  lastPostAt: Date;
  /** Null for an erased account, or where the author keeps their name to members (then `authorWithheld`). */
  authorName: string | null;
  authorWithheld: boolean;
  categorySlug: string;
  categoryName: string;
  categoryColor: string;
  /** Highest post number this member has read; null if never opened (or a visitor). */
  lastReadNumber: number | null;
  /** Visible posts after the member's last read one, and the first of them (held ones do not count). */
  unread: number;
  firstUnread: number | null;
};

/** Of a thread's visible posts after `lastRead` (null: none), an aggregate such as count(*) or min(number). */
const unreadPosts = <T>(aggregate: SQL, lastRead: SQL | AnyPgColumn) =>
  sql<T>`(select ${aggregate} from forum_posts p
    where p.thread_id = ${forumThreads.id} and p.status = 'visible' and p.number > ${lastRead})`;

const lastReadSql = (userId: string) =>
  sql<number | null>`(select ${forumReadState.lastReadNumber} from ${forumReadState}
    where ${forumReadState.userId} = ${userId} and ${forumReadState.threadId} = ${forumThreads.id})`;

const threadVisibleSql = (viewer: ForumViewer): SQL =>
  isModerator(viewer)
    ? sql`${forumThreads.status} <> 'deleted'`
    : viewer
      ? sql`(${forumThreads.status} = 'visible' or (${forumThreads.status} = 'pending' and ${forumThreads.authorId} = ${viewer.id}))`
      : sql`${forumThreads.status} = 'visible'`;

/** Keyset cursor over (pinned, last_post_at, id), newest first. */
export type ThreadCursor = { at: string; id: number };

async function selectThreads(
  viewer: ForumViewer,
  where: SQL[],
  limit: number,
  locale: Locale,
): Promise<ThreadSummary[]> {
  const db = await getDb();
  const readJoin = viewer
    ? and(eq(forumReadState.threadId, forumThreads.id), eq(forumReadState.userId, viewer.id))
    : sql`false`;
  const author = seenAuthorName(viewer);
  return db
    .select({
      id: forumThreads.id,
      slug: forumThreads.slug,
      title: forumThreads.title,
      status: forumThreads.status,
      pinned: forumThreads.pinned,
      locked: forumThreads.locked,
      closed: forumThreads.closed,
      replyCount: forumThreads.replyCount,
      lastNumber: forumThreads.lastNumber,
      lastPostAt: forumThreads.lastPostAt,
      authorName: author.name,
      authorWithheld: author.withheld,
      categorySlug: forumCategories.slug,
      categoryName: categoryText(locale, "name"),
      categoryColor: forumCategories.color,
      lastReadNumber: forumReadState.lastReadNumber,
      unread: unreadPosts<number>(sql`count(*)::int`, forumReadState.lastReadNumber),
      firstUnread: unreadPosts<number | null>(sql`min(p.number)`, forumReadState.lastReadNumber),
    })
    .from(forumThreads)
    .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
    .leftJoin(users, eq(users.id, forumThreads.authorId))
    .leftJoin(profiles, eq(profiles.userId, forumThreads.authorId))
    .leftJoin(forumReadState, readJoin)
    .where(and(threadVisibleSql(viewer), categoryVisible(viewer), ...where))
    .orderBy(desc(forumThreads.lastPostAt), desc(forumThreads.id))
    .limit(limit);
}

/** A category's threads: pinned first (all of them, on the first page), then by latest activity. */
export async function listCategoryThreads({
  viewer,
  categoryId,
  after,
  locale = "de",
}: {
  viewer: ForumViewer;
  categoryId: string;
  after?: ThreadCursor;
  locale?: Locale;
}): Promise<{ pinned: ThreadSummary[]; threads: ThreadSummary[]; next: ThreadCursor | null }> {
  const inCategory = eq(forumThreads.categoryId, categoryId);
  const pinned = after
    ? []
    : await selectThreads(viewer, [inCategory, eq(forumThreads.pinned, true)], 50, locale);
  const cursor = after
    ? [sql`(${forumThreads.lastPostAt}, ${forumThreads.id}) < (${after.at}::timestamptz, ${after.id})`]
    : [];
  const rows = await selectThreads(
    viewer,
    [inCategory, eq(forumThreads.pinned, false), ...cursor],
    THREADS_PER_PAGE + 1,
    locale,
  );
  return { pinned, ...page(rows) };
}

const page = (rows: ThreadSummary[]) => {
  const threads = rows.slice(0, THREADS_PER_PAGE);
  const last = threads.at(-1);
  return {
    threads,
    next: rows.length > THREADS_PER_PAGE && last ? { at: last.lastPostAt.toISOString(), id: last.id } : null,
  };
};

/** The members' "latest" view across every category they can see, muted threads and categories left out. */
export async function listLatestThreads({
  viewer,
  after,
  locale = "de",
}: {
  viewer: ForumViewer;
  after?: ThreadCursor;
  locale?: Locale;
}): Promise<{ threads: ThreadSummary[]; next: ThreadCursor | null }> {
  const where: SQL[] = [];
  if (after)
    where.push(
      sql`(${forumThreads.lastPostAt}, ${forumThreads.id}) < (${after.at}::timestamptz, ${after.id})`,
    );
  if (viewer) {
    where.push(sql`not exists (select 1 from forum_watches w where w.user_id = ${viewer.id} and w.level = 'mute'
      and ((w.subject_type = 'thread' and w.subject_id = ${forumThreads.id}::text)
        or (w.subject_type = 'category' and w.subject_id = ${forumThreads.categoryId})))`);
  }
  return page(await selectThreads(viewer, where, THREADS_PER_PAGE + 1, locale));
}

export type ThreadDetail = ThreadSummary & { categoryId: string; authorId: string | null };

export async function getThread({
  viewer,
  threadId,
  locale = "de",
}: {
  viewer: ForumViewer;
  threadId: number;
  locale?: Locale;
}) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: forumThreads.id,
      slug: forumThreads.slug,
      title: forumThreads.title,
      status: forumThreads.status,
      pinned: forumThreads.pinned,
      locked: forumThreads.locked,
      closed: forumThreads.closed,
      replyCount: forumThreads.replyCount,
      lastNumber: forumThreads.lastNumber,
      lastPostAt: forumThreads.lastPostAt,
      authorId: forumThreads.authorId,
      categoryId: forumThreads.categoryId,
      categorySlug: forumCategories.slug,
      categoryName: categoryText(locale, "name"),
      categoryColor: forumCategories.color,
      categoryVisibility: forumCategories.visibility,
      // The reader's own state comes along: the thread page needs it and need not ask twice more.
      watch: viewer
        ? sql<WatchLevel | null>`(select ${forumWatches.level} from ${forumWatches}
            where ${forumWatches.userId} = ${viewer.id} and ${forumWatches.subjectType} = 'thread'
              and ${forumWatches.subjectId} = ${forumThreads.id}::text)`
        : sql<null>`null`,
      lastRead: viewer ? lastReadSql(viewer.id) : sql<null>`null`,
      firstUnread: viewer
        ? unreadPosts<number | null>(sql`min(p.number)`, lastReadSql(viewer.id))
        : sql<null>`null`,
    })
    .from(forumThreads)
    .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
    .where(and(eq(forumThreads.id, threadId), threadVisibleSql(viewer), categoryVisible(viewer)))
    .limit(1);
  return row ?? null;
}
export type Thread = NonNullable<Awaited<ReturnType<typeof getThread>>>;

/** The category of this thread, or this category, if the viewer may read it; null otherwise. */
export async function getReadableCategoryId({
  viewer,
  where,
}: {
  viewer: ForumViewer;
  where: { threadId: number } | { categoryId: string };
}): Promise<string | null> {
  const db = await getDb();
  const [row] =
    "threadId" in where
      ? await db
          .select({ id: forumThreads.categoryId })
          .from(forumThreads)
          .innerJoin(forumCategories, eq(forumCategories.id, forumThreads.categoryId))
          .where(and(eq(forumThreads.id, where.threadId), threadVisibleSql(viewer), categoryVisible(viewer)))
      : await db
          .select({ id: forumCategories.id })
          .from(forumCategories)
          .where(and(eq(forumCategories.id, where.categoryId), categoryVisible(viewer)));
  return row?.id ?? null;
}

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

export async function getWatchLevel({
  userId,
  subjectType,
  subjectId,
}: {
  userId: string;
  subjectType: "thread" | "category";
  subjectId: string;
}): Promise<"watch" | "mute" | null> {
  const db = await getDb();
  const [row] = await db
    .select({ level: forumWatches.level })
    .from(forumWatches)
    .where(
      and(
        eq(forumWatches.userId, userId),
        eq(forumWatches.subjectType, subjectType),
        eq(forumWatches.subjectId, subjectId),
      ),
    );
  return row?.level ?? null;
}

/** An attachment's file, if the viewer may read the post it belongs to. */
export async function getAttachmentFile({ viewer, id }: { viewer: ForumViewer; id: string }) {
  const db = await getDb();
  const [row] = await db
    .select({
      filename: forumAttachments.filename,
      contentType: uploads.contentType,
      data: uploads.data,
      isPublic: sql<boolean>`exists (select 1 from forum_categories c where c.id = ${forumPosts.categoryId} and c.visibility = 'public')`,
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
        threadVisibleSql(viewer),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Approved members by lower-cased name, for resolving @mentions. */
export async function findMembersByNames(names: string[]): Promise<{ id: string; name: string }[]> {
  if (names.length === 0) return [];
  const db = await getDb();
  const rows = await db.execute(sql`select id, name from users
    where status = 'approved' and name is not null and lower(name) in ${names}`);
  return rowsOf<{ id: string; name: string }>(rows);
}

/** The admin setting "hold new members' first posts for approval" (lib/settings). */
export async function isHoldFirstPostsOn(): Promise<boolean> {
  return (await getSetting("forum.holdFirstPosts")) === true;
}
