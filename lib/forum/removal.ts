import "server-only";
import { eq, sql } from "drizzle-orm";
import { type Executor, getDb, rowsOf } from "@/db/client";
import { forumPosts, forumThreads } from "@/db/schema";

/** Whether anyone but the thread's author has a visible reply in it. */
export async function othersReplied(
  tx: Executor,
  threadId: number,
  authorId: string | null,
): Promise<boolean> {
  const rows = await tx.execute(sql`select 1 from forum_posts where thread_id = ${threadId} and number > 1
    and status = 'visible' and author_id is distinct from ${authorId} limit 1`);
  return rowsOf(rows).length > 0;
}

/**
 * What hiding or deleting a post takes with it, for the confirmations to say so beforehand: the
 * opening post carries its thread when hidden, and when deleted unless others have answered
 * (setPostStatus in ./moderation-mutations.ts does the same).
 */
export async function getRemovalScope(postId: number) {
  const db = await getDb();
  const [post] = await db
    .select({
      number: forumPosts.number,
      authorId: forumPosts.authorId,
      threadId: forumThreads.id,
      title: forumThreads.title,
    })
    .from(forumPosts)
    .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
    .where(eq(forumPosts.id, postId));
  if (!post) return null;
  const opening = post.number === 1;
  return {
    title: post.title,
    hideTakesThread: opening,
    deleteTakesThread: opening && !(await othersReplied(db, post.threadId, post.authorId)),
  };
}

export type RemovalScope = NonNullable<Awaited<ReturnType<typeof getRemovalScope>>>;
