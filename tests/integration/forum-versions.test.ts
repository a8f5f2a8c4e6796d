import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { removeVersionsAction } from "@/lib/forum/actions";
import { loadPostHistory } from "@/lib/forum/loaders";
import { createReply, createThread, editPost } from "@/lib/forum/mutations";
import { listRevisions } from "@/lib/forum/post-data";
import { exportUserData } from "@/lib/privacy/data";
import { searchPosts } from "@/lib/search/data";
import { actAs } from "../support/actions";
import { createSession, createUser } from "../support/factories";
import { createCategory } from "../support/forum-factories";

vi.mock("@/lib/i18n/server", () => ({ getRequestLocale: async () => "de" }));

/** A public thread with a reply by `author`, who added a phone number and took it out again. */
async function editedReply(authorId: string) {
  const tag = crypto.randomUUID().slice(0, 8);
  const phone = `0170 ${String(Math.random()).slice(2, 9)}`;
  const category = await createCategory("public");
  const { thread } = await createThread({
    authorId: (await createUser()).id,
    categoryId: category.id,
    title: `Fassungen ${tag}`,
    body: "Wer kennt eine Wohnung?",
  });
  const { postId } = await createReply({ authorId, threadId: thread.id, body: `Ich helfe gern. ${tag}` });
  await editPost({ postId, editorId: authorId, body: `Ich helfe gern. ${tag} Telefonnummer ${phone}` });
  await editPost({ postId, editorId: authorId, body: `Ich helfe gern. ${tag} Schreiben Sie mir.` });
  return { postId, phone, tag };
}

/** Sends the history page's form as this person (the confirmation step's form when `confirmed`). */
async function removeAs(userId: string | undefined, postId: number, confirmed = true) {
  const form = new FormData();
  form.set("postId", String(postId));
  if (confirmed) form.set("confirmed", "yes");
  return actAs(userId && (await createSession(userId)), () => removeVersionsAction(form));
}

const historyAs = async (userId: string | undefined, postId: number) =>
  actAs(userId && (await createSession(userId)), () => loadPostHistory(String(postId))) as Promise<
    Awaited<ReturnType<typeof loadPostHistory>> | string
  >;

const auditOf = async (postId: number) =>
  (await getDb())
    .select({ action: auditLog.action, actorId: auditLog.actorId })
    .from(auditLog)
    .where(eq(auditLog.targetId, String(postId)));

describe("removing a post's earlier versions", () => {
  it("the author removes them: the history keeps only the current text, and the export and search lose them", async () => {
    const author = await createUser();
    const { postId, phone, tag } = await editedReply(author.id);
    const before = await historyAs(author.id, postId);
    expect(typeof before === "object" && before.canRemove).toBe(true);
    expect(typeof before === "object" && before.revisions.map((r) => r.body).join()).toContain(phone);
    expect(JSON.stringify(await exportUserData({ userId: author.id }))).toContain(phone);

    // The button leads to the confirmation first; only its form removes.
    expect(await removeAs(author.id, postId, false)).toBe(
      `redirected:/forum/p/${postId}/history?confirm=delete#confirm-heading`,
    );
    expect(await listRevisions({ postId })).toHaveLength(2);
    expect(await removeAs(author.id, postId)).toBe(`redirected:/forum/p/${postId}/history?removed=1`);

    const after = await historyAs(author.id, postId);
    if (typeof after !== "object") throw new Error(String(after));
    expect(after.revisions).toEqual([]);
    expect(after.post.body).toBe(`Ich helfe gern. ${tag} Schreiben Sie mir.`);
    expect(after.post.editCount).toBe(2);
    expect(JSON.stringify(await exportUserData({ userId: author.id }))).not.toContain(phone);
    // Search reads only the current text: the number was never findable, and the post still is.
    const reader = { id: (await createUser()).id, role: "member" as const };
    expect((await searchPosts({ viewer: reader, query: phone })).hits).toEqual([]);
    expect((await searchPosts({ viewer: reader, query: tag })).hits.map((h) => h.postId)).toContain(postId);
    // The author's own removal is not a coordinator's action: nothing in the audit log.
    expect(await auditOf(postId)).toEqual([]);
  });

  it("a coordinator removes them, audited", async () => {
    const author = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    const { postId } = await editedReply(author.id);
    expect(await removeAs(coordinator.id, postId)).toBe(`redirected:/forum/p/${postId}/history?removed=1`);
    expect(await listRevisions({ postId })).toEqual([]);
    expect(await auditOf(postId)).toEqual([
      { action: "forum.post.versionsRemoved", actorId: coordinator.id },
    ]);
  });

  it("another member is refused and cannot offer it; visitors see no history at all", async () => {
    const author = await createUser();
    const other = await createUser();
    const { postId, phone } = await editedReply(author.id);
    expect(await removeAs(other.id, postId)).toBe(`redirected:/forum/p/${postId}/history`);
    expect(await removeAs(undefined, postId)).toMatch(/^redirected:\/login/);
    expect(await listRevisions({ postId })).toHaveLength(2);
    expect(await auditOf(postId)).toEqual([]);

    const seen = await historyAs(other.id, postId);
    expect(typeof seen === "object" && seen.canRemove).toBe(false);
    expect(await historyAs(undefined, postId)).toMatch(/^redirected:\/login/);
    expect(JSON.stringify(await historyAs(undefined, postId))).not.toContain(phone);
  });
});
