import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { forumCategories, forumPosts, forumThreads, notifications } from "@/db/schema";
import { deletePostAction } from "@/lib/forum/actions";
import { listCategoryThreads } from "@/lib/forum/data";
import { setPostStatus, updateThreadFlags } from "@/lib/forum/moderation-mutations";
import { createReply, createThread, editPost, recordRead, setWatch } from "@/lib/forum/mutations";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { approvePostAction } from "@/lib/moderation/actions";
import { notificationText } from "@/lib/notifications/text";
import { redirectOf, signedInAs } from "../support/actions";
import { createMember, createUser } from "../support/factories";
import { form } from "../support/forms";
import { createCategory, createGroup } from "../support/forum-factories";
import { member, outboxTo } from "../support/messages-factories";
import { MAIL_WINDOW, tn } from "../support/notification-lines";

async function linesOf(userId: string) {
  const db = await getDb();
  const rows = await db.select().from(notifications).where(eq(notifications.recipientId, userId));
  return rows.map((r) => ({ ...r, text: notificationText(tn, { ...r, actorName: null }) }));
}

async function statusOf(table: "post" | "thread", id: number) {
  const db = await getDb();
  const t = table === "post" ? forumPosts : forumThreads;
  const [row] = await db.select({ status: t.status }).from(t).where(eq(t.id, id));
  return row!.status;
}

async function counts(categoryId: string, threadId: number) {
  const db = await getDb();
  const [c] = await db
    .select({ threads: forumCategories.threadCount, posts: forumCategories.postCount })
    .from(forumCategories)
    .where(eq(forumCategories.id, categoryId));
  const [t] = await db
    .select({ replies: forumThreads.replyCount })
    .from(forumThreads)
    .where(eq(forumThreads.id, threadId));
  return { ...c!, replies: t!.replies };
}

/** A member whose name is words of letters only, so "@Name" finds them. */
const named = (name: string) =>
  createMember({
    name: `${name} ${crypto
      .randomUUID()
      .replace(/[^a-f]/g, "")
      .slice(0, 6)}`,
  });

async function thread(authorId: string, body = "Erster Beitrag") {
  const category = await createCategory("members");
  const { thread } = await createThread({ authorId, categoryId: category.id, title: "Ein Thema", body });
  return { category, thread };
}

describe("deleting one's own post", () => {
  it("asks first; the opening post of a thread others answered is blanked, their replies stay", async () => {
    const author = await createUser();
    const other = await createUser();
    const { category, thread: t } = await thread(author.id);
    const reply = await createReply({ authorId: other.id, threadId: t.id, body: "Meine Antwort" });
    const [first] = await (await getDb())
      .select({ id: forumPosts.id })
      .from(forumPosts)
      .where(and(eq(forumPosts.threadId, t.id), eq(forumPosts.number, 1)));

    expect(
      await signedInAs(author.id, () => redirectOf(() => deletePostAction(form({ postId: first!.id })))),
    ).toBe(`/forum/t/${t.id}/${t.slug}?delete=${first!.id}#confirm-heading`);
    expect(await statusOf("post", first!.id)).toBe("visible");

    expect(
      await signedInAs(author.id, () =>
        redirectOf(() => deletePostAction(form({ postId: first!.id, confirmed: "yes" }))),
      ),
    ).toBe(`/forum/t/${t.id}/${t.slug}#post-1`);
    expect(await statusOf("post", first!.id)).toBe("deleted");
    expect(await statusOf("thread", t.id)).toBe("visible");
    expect(await statusOf("post", reply.postId)).toBe("visible");
    expect(await counts(category.id, t.id)).toEqual({ threads: 1, posts: 1, replies: 1 });
  });

  it("deletes a thread nobody else answered whole, and is refused in a locked thread", async () => {
    const author = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    const { category, thread: t } = await thread(author.id);
    const own = await createReply({ authorId: author.id, threadId: t.id, body: "Nachtrag" });
    await updateThreadFlags({ threadId: t.id, actorId: coordinator.id, set: { locked: true } });
    expect(
      await signedInAs(author.id, () =>
        redirectOf(() => deletePostAction(form({ postId: own.postId, confirmed: "yes" }))),
      ),
    ).toBe(`/forum/t/${t.id}/${t.slug}#post-2`);
    expect(await statusOf("post", own.postId)).toBe("visible");

    await updateThreadFlags({ threadId: t.id, actorId: coordinator.id, set: { locked: false } });
    const [first] = await (await getDb())
      .select({ id: forumPosts.id })
      .from(forumPosts)
      .where(and(eq(forumPosts.threadId, t.id), eq(forumPosts.number, 1)));
    expect(
      await signedInAs(author.id, () =>
        redirectOf(() => deletePostAction(form({ postId: first!.id, confirmed: "yes" }))),
      ),
    ).toBe(`/forum/c/${category.slug}`);
    expect(await statusOf("thread", t.id)).toBe("deleted");
    expect(await counts(category.id, t.id)).toMatchObject({ threads: 0, posts: 0 });
  });
});

describe("held posts", () => {
  it("on approval tell the mentioned, the watchers and the author; a deleted one tells the author it was not published, a held reply is no one's unread", async () => {
    const watcher = await member("Wanda Wache");
    const mentioned = await named("Mona Nennung");
    const newcomer = await member("Nele Neu");
    const coordinator = await createUser({ role: "coordinator" });
    const { category, thread: t } = await thread(watcher.id);
    const held = await createReply({
      authorId: newcomer.id,
      threadId: t.id,
      body: `Hallo @${mentioned.name}!`,
      hold: true,
    });
    const page = await listCategoryThreads({
      viewer: { id: watcher.id, role: "member" },
      categoryId: category.id,
    });
    expect(page.threads.find((x) => x.id === t.id)).toMatchObject({ unread: 0, firstUnread: null });

    expect(
      await signedInAs(coordinator.id, () =>
        redirectOf(() => approvePostAction(form({ postId: held.postId, decision: "approve" }))),
      ),
    ).toBe("/admin/moderation?done=approve");
    expect((await linesOf(watcher.id)).map((l) => l.kind)).toEqual(["reply"]);
    expect((await linesOf(mentioned.id)).map((l) => l.kind)).toEqual(["mention"]);
    expect((await linesOf(newcomer.id)).map((l) => l.text)).toEqual([
      "Ihr Beitrag in „Ein Thema“ wurde freigegeben und ist jetzt für alle sichtbar",
    ]);
    expect(await counts(category.id, t.id)).toEqual({ threads: 1, posts: 2, replies: 1 });

    const second = await createReply({ authorId: newcomer.id, threadId: t.id, body: "Noch was", hold: true });
    expect(
      await signedInAs(coordinator.id, () =>
        redirectOf(() => approvePostAction(form({ postId: second.postId, decision: "delete" }))),
      ),
    ).toBe(`/admin/moderation?deleteHeld=${second.postId}#confirm-heading`);
    expect(await statusOf("post", second.postId)).toBe("pending");
    expect(
      await signedInAs(coordinator.id, () =>
        redirectOf(() =>
          approvePostAction(form({ postId: second.postId, decision: "delete", confirmed: "yes" })),
        ),
      ),
    ).toBe("/admin/moderation?done=reject");
    expect((await linesOf(newcomer.id)).map((l) => l.text)).toContain(
      "Ihr Beitrag in „Ein Thema“ wurde von der Moderation nicht veröffentlicht",
    );
    expect((await linesOf(watcher.id)).map((l) => l.kind)).toEqual(["reply"]);
  });
});

describe("forum notifications follow what was read and what is gone", () => {
  it("mails nothing about a thread read since, nor about a deleted post", async () => {
    const author = await member("Anton Anfang");
    const reader = await member("Rita Lesend");
    const late = await member("Lars Spät");
    const { thread: t } = await thread(author.id);
    for (const id of [reader.id, late.id])
      await setWatch({ userId: id, subjectType: "thread", subjectId: String(t.id), level: "watch" });

    await createReply({ authorId: author.id, threadId: t.id, body: "Neuigkeit" });
    // The reader opens the thread before the mail is due (what the thread page records).
    await recordRead({ userId: reader.id, threadId: t.id, number: 2 });
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(reader.email)).toHaveLength(0);
    expect(await outboxTo(late.email)).toHaveLength(1);

    const gone = await createReply({ authorId: author.id, threadId: t.id, body: "Versehen" });
    await setPostStatus({ postId: gone.postId, status: "deleted", actorId: author.id });
    expect((await linesOf(late.id)).map((l) => l.url)).toEqual([`/forum/t/${t.id}/${t.slug}#post-2`]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(late.email)).toHaveLength(1);
  });

  it("tells a category's watchers of a new thread, not those who muted it or may not see it", async () => {
    const insider = await member("Inge Innen");
    const outsider = await member("Olaf Außen");
    const author = await member("Alma Autor");
    const group = await createGroup([insider.id, author.id]);
    const category = await createCategory("group", group.id);
    for (const id of [insider.id, outsider.id])
      await setWatch({ userId: id, subjectType: "category", subjectId: category.id, level: "watch" });
    await createThread({ authorId: author.id, categoryId: category.id, title: "Neu im AK", body: "Hallo" });
    expect((await linesOf(insider.id)).map((l) => l.text)).toEqual(["Neues Thema von Jemand: „Neu im AK“"]);
    expect(await linesOf(outsider.id)).toEqual([]);
  });

  it("tells only the members an edit newly names", async () => {
    const author = await member("Edda Edit");
    const first = await named("Fritz Erst");
    const added = await named("Greta Dazu");
    const { thread: t } = await thread(author.id);
    const reply = await createReply({ authorId: author.id, threadId: t.id, body: `Hallo @${first.name}` });
    await editPost({
      postId: reply.postId,
      editorId: author.id,
      body: `Hallo @${first.name} und @${added.name}`,
    });
    expect((await linesOf(added.id)).map((l) => l.kind)).toEqual(["mention"]);
    expect(await linesOf(first.id)).toHaveLength(1);
  });
});

describe("counters", () => {
  it("follow a move, a hide and a restore", async () => {
    const author = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    const { category, thread: t } = await thread(author.id);
    const target = await createCategory("members");
    const reply = await createReply({ authorId: author.id, threadId: t.id, body: "Antwort" });
    await setPostStatus({ postId: reply.postId, status: "hidden", actorId: coordinator.id });
    expect(await counts(category.id, t.id)).toEqual({ threads: 1, posts: 1, replies: 0 });
    await setPostStatus({ postId: reply.postId, status: "visible", actorId: coordinator.id });
    await updateThreadFlags({ threadId: t.id, actorId: coordinator.id, set: { categoryId: target.id } });
    expect(await counts(category.id, t.id)).toEqual({ threads: 0, posts: 0, replies: 1 });
    expect(await counts(target.id, t.id)).toEqual({ threads: 1, posts: 2, replies: 1 });
  });
});
