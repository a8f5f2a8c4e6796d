import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, forumPosts } from "@/db/schema";
import { restorePostAction } from "@/lib/forum/actions";
import { setPostStatus } from "@/lib/forum/moderation-mutations";
import { createReply, createThread } from "@/lib/forum/mutations";
import { redirectOf } from "../support/actions";
import { createSession, createUser } from "../support/factories";
import { createCategory } from "../support/forum-factories";
import { signInWith } from "../support/next-headers";

/** Submits the restore button as this person; resolves to where the action redirected. */
async function restoreAs(userId: string, postId: number): Promise<string> {
  signInWith(await createSession(userId));
  const form = new FormData();
  form.set("postId", String(postId));
  try {
    return await redirectOf(() => restorePostAction(form));
  } finally {
    signInWith(undefined);
  }
}

async function statusOf(postId: number) {
  const db = await getDb();
  const [row] = await db
    .select({ status: forumPosts.status })
    .from(forumPosts)
    .where(eq(forumPosts.id, postId));
  return row!.status;
}

/** A thread in a members' category by `threadAuthorId`, with one reply by `replyAuthorId`. */
async function threadWithReply(threadAuthorId: string, replyAuthorId: string) {
  const category = await createCategory("members");
  const { thread } = await createThread({
    authorId: threadAuthorId,
    categoryId: category.id,
    title: "Wiederherstellen",
    body: "Erster Beitrag",
  });
  const reply = await createReply({ authorId: replyAuthorId, threadId: thread.id, body: "Eine Antwort" });
  return { thread, reply };
}

describe("restoring a hidden post", () => {
  it("is refused to a member, even the author; a coordinator restores it, audited", async () => {
    const author = await createUser();
    const other = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    const { thread, reply } = await threadWithReply(author.id, other.id);
    await setPostStatus({ postId: reply.postId, status: "hidden", actorId: coordinator.id });

    expect(await restoreAs(other.id, reply.postId)).toBe("/forum");
    expect(await restoreAs(author.id, reply.postId)).toBe("/forum");
    expect(await statusOf(reply.postId)).toBe("hidden");

    expect(await restoreAs(coordinator.id, reply.postId)).toMatch(
      new RegExp(`^/forum/t/${thread.id}/.*#post-2$`),
    );
    expect(await statusOf(reply.postId)).toBe("visible");
    const db = await getDb();
    const audit = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, String(reply.postId)));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["forum.post.visible", coordinator.id]]);
  });

  it("leaves a visible or deleted post as it is", async () => {
    const author = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    const { reply } = await threadWithReply(author.id, author.id);
    expect(await restoreAs(coordinator.id, reply.postId)).toBe("/forum");
    await setPostStatus({ postId: reply.postId, status: "deleted", actorId: author.id });
    expect(await restoreAs(coordinator.id, reply.postId)).toBe("/forum");
    expect(await statusOf(reply.postId)).toBe("deleted");
  });
});
