import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { forumPosts, forumThreads, users } from "@/db/schema";
import { setPostStatus } from "@/lib/forum/mutations";
import { postHref } from "@/lib/forum/utils";
import { messageSubject } from "@/lib/messages/moderation-subject";

export type Decision = "hide" | "restore" | "delete" | "dismiss";

/** What the queue shows of a reported thing, and how a decision is carried out on it. */
export type SubjectHandler = {
  preview: (subjectId: string) => Promise<{
    authorName: string | null;
    excerpt: string;
    url: string | null;
    status: string;
    title: string;
  } | null>;
  apply: (subjectId: string, decision: Exclude<Decision, "dismiss">, actorId: string) => Promise<void>;
};

const STATUS_FOR = { hide: "hidden", restore: "visible", delete: "deleted" } as const;

const post: SubjectHandler = {
  preview: async (subjectId) => {
    const id = Number(subjectId);
    if (!Number.isInteger(id)) return null;
    const db = await getDb();
    const [row] = await db
      .select({
        body: forumPosts.body,
        status: forumPosts.status,
        number: forumPosts.number,
        threadId: forumThreads.id,
        slug: forumThreads.slug,
        title: forumThreads.title,
        authorName: users.name,
        excerpt: sql<string>`left(${forumPosts.body}, 400)`,
      })
      .from(forumPosts)
      .innerJoin(forumThreads, eq(forumThreads.id, forumPosts.threadId))
      .leftJoin(users, eq(users.id, forumPosts.authorId))
      .where(eq(forumPosts.id, id));
    if (!row) return null;
    return {
      authorName: row.authorName,
      excerpt: row.excerpt,
      status: row.status,
      title: row.title,
      url: postHref({ id: row.threadId, slug: row.slug }, row.number),
    };
  },
  apply: async (subjectId, decision, actorId) => {
    await setPostStatus({ postId: Number(subjectId), status: STATUS_FOR[decision], actorId, audit: true });
  },
};

/**
 * One handler per subject type. Other areas add theirs here (for example "message" from the
 * messages area); a report on a type without a handler can still be dismissed or resolved.
 */
export const SUBJECTS: Record<string, SubjectHandler> = { post, message: messageSubject };
