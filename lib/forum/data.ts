import "server-only";
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb, rowsOf } from "@/db/client";
import {
  forumCategories,
  forumReadState,
  forumThreads,
  forumWatches,
  type PostStatus,
  profiles,
  users,
  type WatchLevel,
  workingGroups,
} from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { getSetting } from "@/lib/settings/data";
import { categoryText } from "./category-text";
import { THREADS_PER_PAGE } from "./utils";
import { categoryVisible, type ForumViewer, seenAuthorName, threadVisible } from "./visibility";

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

/** Keyset cursor over (pinned, last_post_at, id), newest first. */
export type ThreadCursor = { at: string; id: number };

/** What a thread list and a thread page both show of a thread. */
const threadColumns = {
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
};

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
      ...threadColumns,
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
    .where(and(threadVisible(viewer), categoryVisible(viewer), ...where))
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
      ...threadColumns,
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
    .where(and(eq(forumThreads.id, threadId), threadVisible(viewer), categoryVisible(viewer)))
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
          .where(and(eq(forumThreads.id, where.threadId), threadVisible(viewer), categoryVisible(viewer)))
      : await db
          .select({ id: forumCategories.id })
          .from(forumCategories)
          .where(and(eq(forumCategories.id, where.categoryId), categoryVisible(viewer)));
  return row?.id ?? null;
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
