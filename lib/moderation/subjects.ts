import "server-only";
import { eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/db/client";
import { forumPosts, forumThreads, users } from "@/db/schema";
import { announcePostStatus, changePostStatus } from "@/lib/forum/moderation-mutations";
import { usersWhoMayReadPost } from "@/lib/forum/notify";
import { getRemovalScope } from "@/lib/forum/removal";
import { postHref } from "@/lib/forum/utils";
import { messageSubject } from "@/lib/messages/moderation-subject";
import { decisionFits } from "./utils";

export type Decision = "hide" | "restore" | "delete" | "dismiss";

/** What the queue shows of a reported thing, and how a decision is carried out on it. */
export type SubjectHandler = {
  preview: (subjectId: string) => Promise<{
    authorName: string | null;
    excerpt: string;
    url: string | null;
    status: string;
    title: string;
    /** The text as readers see it (sanitised HTML), where the subject has one. */
    html?: string | null;
    /** Whether hiding or deleting it takes its whole thread along (an opening post). */
    takesThread?: { hide: boolean; delete: boolean };
  } | null>;
  /**
   * Carries out the decision in the caller's transaction (the one that closes the report), so that of
   * two decisions only one is applied. `threadGone`: the subject's whole thread went with it;
   * `announce` tells the author, and whoever else hears of it, once that transaction has committed.
   */
  apply: (
    tx: Executor,
    subjectId: string,
    decision: Exclude<Decision, "dismiss">,
    actorId: string,
  ) => Promise<{ threadGone: boolean; announce: () => Promise<void> }>;
  /** Of these reporters, those who may still hear of the decision; all of them where not given. */
  audience?: (subjectId: string, userIds: string[]) => Promise<string[]>;
};

const STATUS_FOR = { hide: "hidden", restore: "visible", delete: "deleted" } as const;

const post: SubjectHandler = {
  preview: async (subjectId) => {
    const id = Number(subjectId);
    if (!Number.isInteger(id)) return null;
    const db = await getDb();
    const [row] = await db
      .select({
        html: forumPosts.bodyHtml,
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
    const scope = await getRemovalScope(id);
    return {
      authorName: row.authorName,
      excerpt: row.excerpt,
      html: row.html,
      takesThread: { hide: scope?.hideTakesThread ?? false, delete: scope?.deleteTakesThread ?? false },
      status: row.status,
      title: row.title,
      url: postHref({ id: row.threadId, slug: row.slug }, row.number),
    };
  },
  // Checked again under the post's lock: its author may have deleted it since the queue was read.
  apply: async (tx, subjectId, decision, actorId) => {
    const input = {
      postId: Number(subjectId),
      status: STATUS_FOR[decision],
      actorId,
      audit: true,
      allowedFrom: (current: string) => decisionFits(current, decision),
    };
    const change = await changePostStatus(tx, input);
    return { threadGone: change?.threadGone ?? false, announce: () => announcePostStatus(input, change) };
  },
  // A reporter who has since left the working group of the post's category hears nothing of it.
  audience: async (subjectId, userIds) => usersWhoMayReadPost(await getDb(), userIds, Number(subjectId)),
};

/**
 * One handler per subject type. Other areas add theirs here (for example "message" from the
 * messages area); a report on a type without a handler can still be dismissed or resolved.
 */
export const SUBJECTS: Record<string, SubjectHandler> = { post, message: messageSubject };
