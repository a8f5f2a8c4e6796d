import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import {
  forumPosts,
  forumReactions,
  notifications,
  profiles,
  reports,
  settings,
  users,
  VISIBILITY,
} from "@/db/schema";
import { getThread, listCategories, listCategoryThreads, listLatestThreads } from "@/lib/forum/data";
import { setPostStatus } from "@/lib/forum/moderation-mutations";
import {
  createReply,
  createThread,
  editPost,
  recordRead,
  setReaction,
  setWatch,
} from "@/lib/forum/mutations";
import { usersWhoCanSee } from "@/lib/forum/notify";
import { getAttachmentFile, getPost, listRevisions, listThreadPosts } from "@/lib/forum/post-data";
import type { ForumViewer } from "@/lib/forum/visibility";
import { reportContent, resolveReport } from "@/lib/moderation/mutations";
import { listNotifications } from "@/lib/notifications/data";
import { notificationText } from "@/lib/notifications/text";
import { getContentVersions } from "@/lib/page-cache/data";
import { searchPosts } from "@/lib/search/data";
import { createUser } from "../support/factories";
import { createCategory, createGroup } from "../support/forum-factories";
import { tn } from "../support/notification-lines";

const as = (user: { id: string; role: "member" | "coordinator" | "admin" }): ForumViewer => ({
  id: user.id,
  role: user.role,
});
const word = () =>
  `Zauberwort${crypto
    .randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 8)}`;

async function world() {
  const letters = crypto
    .randomUUID()
    .replace(/[^a-z0-9]/g, "")
    .replace(/\d/g, (d) => "ghijklmnop"[Number(d)]!);
  const insider = await createUser({ name: `Ina Insider ${letters.slice(0, 6)}` });
  const outsider = await createUser({ name: "Otto Outsider" });
  const coordinator = await createUser({ role: "coordinator" });
  const group = await createGroup([insider.id]);
  const pub = await createCategory("public");
  const members = await createCategory("members");
  const restricted = await createCategory("group", group.id);
  const key = word();
  const mk = (categoryId: string, title: string) =>
    createThread({ authorId: insider.id, categoryId, title, body: `Wir suchen Wohnungen in Zeitz. ${key}` });
  const tPub = await mk(pub.id, "Öffentliches Thema");
  const tMem = await mk(members.id, "Mitgliederthema");
  const tRes = await mk(restricted.id, "Geheimes Arbeitskreisthema");
  return { insider, outsider, coordinator, group, pub, members, restricted, key, tPub, tMem, tRes };
}

describe("forum visibility", () => {
  it("shows each viewer only the categories, threads and posts they may see", async () => {
    const w = await world();
    const ids = async (viewer: ForumViewer) => (await listCategories({ viewer })).map((c) => c.id);

    const visitor = await ids(null);
    expect(visitor).toContain(w.pub.id);
    expect(visitor).not.toContain(w.members.id);
    expect(visitor).not.toContain(w.restricted.id);

    const outsider = await ids(as(w.outsider));
    expect(outsider).toEqual(expect.arrayContaining([w.pub.id, w.members.id]));
    expect(outsider).not.toContain(w.restricted.id);

    expect(await ids(as(w.insider))).toContain(w.restricted.id);
    expect(await ids(as(w.coordinator))).toContain(w.restricted.id);

    // Threads and posts: "not found" for anyone outside.
    expect(await getThread({ viewer: null, threadId: w.tMem.thread.id })).toBeNull();
    expect(await getThread({ viewer: as(w.outsider), threadId: w.tRes.thread.id })).toBeNull();
    expect(await getThread({ viewer: as(w.insider), threadId: w.tRes.thread.id })).not.toBeNull();
    expect(await getPost({ viewer: as(w.outsider), postId: w.tRes.postId })).toBeNull();
    expect(
      (await listCategoryThreads({ viewer: as(w.outsider), categoryId: w.restricted.id })).threads,
    ).toEqual([]);

    // The "latest" view leaves restricted threads out for the outsider.
    const latest = (await listLatestThreads({ viewer: as(w.outsider) })).threads.map((t) => t.id);
    expect(latest).toContain(w.tMem.thread.id);
    expect(latest).not.toContain(w.tRes.thread.id);
  });

  it("searches in German (Wohnung finds Wohnungen) and never returns what the viewer may not see", async () => {
    const w = await world();
    const found = async (viewer: ForumViewer) =>
      (await searchPosts({ viewer, query: `Wohnung ${w.key}` })).hits.map((h) => h.threadId).sort();
    expect(await found(null)).toEqual([w.tPub.thread.id]);
    expect(await found(as(w.outsider))).toEqual([w.tPub.thread.id, w.tMem.thread.id].sort());
    expect(await found(as(w.insider))).toEqual([w.tPub.thread.id, w.tMem.thread.id, w.tRes.thread.id].sort());

    const phrase = await searchPosts({ viewer: as(w.insider), query: `"Zeitz Wohnungen" ${w.key}` });
    expect(phrase.hits).toEqual([]);
    const exact = await searchPosts({ viewer: as(w.insider), query: `"Wohnungen in Zeitz" ${w.key}` });
    expect(exact.hits).toHaveLength(3);
    expect(exact.hits[0]!.snippet).toContain("[[[mark]]]");
    const byAuthor = await searchPosts({ viewer: as(w.insider), query: w.key, author: "otto" });
    expect(byAuthor.hits).toEqual([]);
  });

  it("tells only people who can see the category, and refuses attachments to outsiders", async () => {
    const w = await world();
    expect(
      await usersWhoCanSee(await getDb(), [w.insider.id, w.outsider.id, w.coordinator.id], w.restricted.id),
    ).toEqual(expect.arrayContaining([w.insider.id, w.coordinator.id]));
    expect(await usersWhoCanSee(await getDb(), [w.outsider.id], w.restricted.id)).toEqual([]);

    const png = Buffer.from("89504e470d0a1a0a", "hex");
    const t = await createThread({
      authorId: w.insider.id,
      categoryId: w.restricted.id,
      title: "Mit Anhang",
      body: "Siehe Bild",
      attachments: [{ filename: "plan.webp", contentType: "image/webp", data: png, width: 1, height: 1 }],
    });
    const [post] = await listThreadPosts({ viewer: as(w.insider), threadId: t.thread.id, page: 1 });
    const attachmentId = post!.attachments[0]!.id;
    expect(await getAttachmentFile({ viewer: as(w.insider), id: attachmentId })).not.toBeNull();
    expect(await getAttachmentFile({ viewer: as(w.outsider), id: attachmentId })).toBeNull();
    expect(await getAttachmentFile({ viewer: null, id: attachmentId })).toBeNull();
  });
});

describe("an attachment's caching", () => {
  it("is public only while visitors may read its post: not once the post is hidden", async () => {
    const w = await world();
    const png = Buffer.from("89504e470d0a1a0a", "hex");
    const t = await createThread({
      authorId: w.outsider.id,
      categoryId: w.pub.id,
      title: "Stadtplan",
      body: "Siehe Bild",
      attachments: [{ filename: "plan.webp", contentType: "image/webp", data: png, width: 1, height: 1 }],
    });
    const [post] = await listThreadPosts({ viewer: null, threadId: t.thread.id, page: 1 });
    const id = post!.attachments[0]!.id;
    expect((await getAttachmentFile({ viewer: null, id }))?.isPublic).toBe(true);

    await setPostStatus({ postId: post!.id, status: "hidden", actorId: w.coordinator.id });
    expect(await getAttachmentFile({ viewer: null, id })).toBeNull();
    const forCoordinator = await getAttachmentFile({ viewer: as(w.coordinator), id });
    expect(forCoordinator).not.toBeNull();
    expect(forCoordinator?.isPublic).toBe(false);
  });
});

describe("threads and posts", () => {
  it("numbers posts so page N holds posts (N-1)*20+1 … N*20", async () => {
    const w = await world();
    for (let i = 0; i < 44; i++)
      await createReply({ authorId: w.outsider.id, threadId: w.tPub.thread.id, body: `Antwort ${i + 2}` });
    const page3 = await listThreadPosts({ viewer: null, threadId: w.tPub.thread.id, page: 3 });
    expect(page3.map((p) => p.number)).toEqual([41, 42, 43, 44, 45]);
    expect(page3[0]!.bodyHtml).toContain("Antwort 41");
    const thread = await getThread({ viewer: null, threadId: w.tPub.thread.id });
    expect(thread!.replyCount).toBe(44);
  });

  it("gives each post its reactions, counted, with the reader's own marked; the thread carries each reader's own watch and read state", async () => {
    const w = await world();
    const threadId = w.tPub.thread.id;
    await setReaction({ postId: w.tPub.postId, userId: w.outsider.id, emoji: "👍", give: true });
    await setReaction({ postId: w.tPub.postId, userId: w.insider.id, emoji: "👍", give: true });
    await setReaction({ postId: w.tPub.postId, userId: w.insider.id, emoji: "🎉", give: true });
    const reactionsSeenBy = async (viewer: ForumViewer) => {
      const [first] = await listThreadPosts({ viewer, threadId, page: 1 });
      return first!.reactions.toSorted((a, b) => a.emoji.localeCompare(b.emoji));
    };
    expect(await reactionsSeenBy(as(w.outsider))).toEqual([
      { emoji: "🎉", count: 1, mine: false },
      { emoji: "👍", count: 2, mine: true },
    ]);
    expect((await reactionsSeenBy(null)).map((r) => r.mine)).toEqual([false, false]);

    expect(await getThread({ viewer: as(w.outsider), threadId })).toMatchObject({
      watch: null,
      lastRead: null,
    });
    await setWatch({
      userId: w.outsider.id,
      subjectType: "thread",
      subjectId: String(threadId),
      level: "mute",
    });
    await recordRead({ userId: w.outsider.id, threadId, number: 1 });
    expect(await getThread({ viewer: as(w.outsider), threadId })).toMatchObject({
      watch: "mute",
      lastRead: 1,
    });
    expect(await getThread({ viewer: as(w.coordinator), threadId })).toMatchObject({
      watch: null,
      lastRead: null,
    });
  });

  it("raises the forum's content version with every change a visitor's cached thread page shows", async () => {
    const w = await world();
    const db = await getDb();
    const version = async () => (await getContentVersions()).forum ?? 1;
    const changes: [string, () => Promise<unknown>][] = [
      ["reply", () => createReply({ authorId: w.outsider.id, threadId: w.tPub.thread.id, body: "Neu" })],
      ["edit", () => editPost({ postId: w.tPub.postId, editorId: w.insider.id, body: "Geändert" })],
      [
        "reaction",
        () => setReaction({ postId: w.tPub.postId, userId: w.outsider.id, emoji: "👍", give: true }),
      ],
      ["hide", () => setPostStatus({ postId: w.tPub.postId, status: "hidden", actorId: w.coordinator.id })],
      ["author renamed", () => db.update(users).set({ name: "Ina Neu" }).where(eq(users.id, w.insider.id))],
      [
        "author's name kept to members",
        async () => {
          await db.insert(profiles).values({ userId: w.insider.id }).onConflictDoNothing();
          await db
            .update(profiles)
            .set({ visName: VISIBILITY.members })
            .where(eq(profiles.userId, w.insider.id));
        },
      ],
    ];
    for (const [change, run] of changes) {
      const before = await version();
      await run();
      expect(await version(), change).toBeGreaterThan(before);
    }
  });

  it("raises that version at the commit: a forum write does not hold it from its first statement on", async () => {
    const w = await world();
    const db = await getDb();
    const before = (await getContentVersions()).forum ?? 1;
    // Whether this transaction has written the version row yet (its row version would carry its id).
    const versionWrittenHere = async (tx: Pick<typeof db, "execute">) => {
      const result = await tx.execute(sql`select exists (select 1 from content_versions where scope = 'forum'
        and xmin::text::bigint = pg_current_xact_id()::text::bigint % 4294967296) as written`);
      return rowsOf<{ written: boolean }>(result)[0];
    };
    await db.transaction(async (tx) => {
      await tx.update(forumPosts).set({ body: "Geändert" }).where(eq(forumPosts.id, w.tPub.postId));
      await tx.insert(forumReactions).values({ postId: w.tPub.postId, userId: w.outsider.id, emoji: "🎉" });
      expect(await versionWrittenHere(tx)).toEqual({ written: false });
    });
    expect((await getContentVersions()).forum).toBeGreaterThan(before);
  });

  it("keeps edit history, soft-deletes as a placeholder, and renders Markdown safely", async () => {
    const w = await world();
    const reply = await createReply({
      authorId: w.outsider.id,
      threadId: w.tMem.thread.id,
      body: `Hallo @${w.insider.name} <script>alert(1)</script> [x](javascript:alert(1))`,
    });
    const [, post] = await listThreadPosts({ viewer: as(w.insider), threadId: w.tMem.thread.id, page: 1 });
    expect(post!.bodyHtml).toContain(`href="/members/${w.insider.id}"`);
    expect(post!.bodyHtml).not.toContain("<script");
    expect(post!.bodyHtml).not.toContain("javascript:");

    await editPost({ postId: reply.postId, editorId: w.outsider.id, body: "Neue Fassung" });
    const revisions = await listRevisions({ postId: reply.postId });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.body).toContain("Hallo");

    await setPostStatus({ postId: reply.postId, status: "deleted", actorId: w.outsider.id });
    const [, gone] = await listThreadPosts({ viewer: as(w.insider), threadId: w.tMem.thread.id, page: 1 });
    expect(gone!.status).toBe("deleted");
    expect(gone!.bodyHtml).toBeNull();
  });

  it("notifies a mentioned member and watchers, but not an outsider mentioned in a restricted category", async () => {
    const w = await world();
    const db = await getDb();
    await setWatch({
      userId: w.coordinator.id,
      subjectType: "thread",
      subjectId: String(w.tRes.thread.id),
      level: "watch",
    });
    await createReply({
      authorId: w.insider.id,
      threadId: w.tRes.thread.id,
      body: `Frage an @${w.outsider.name}`,
    });
    const kinds = async (userId: string) =>
      (
        await db
          .select({ kind: notifications.kind })
          .from(notifications)
          .where(eq(notifications.recipientId, userId))
      ).map((n) => n.kind);
    expect(await kinds(w.outsider.id)).toEqual([]);
    expect(await kinds(w.coordinator.id)).toContain("reply");

    await createReply({
      authorId: w.outsider.id,
      threadId: w.tMem.thread.id,
      body: `Danke @${w.insider.name}!`,
    });
    expect(await kinds(w.insider.id)).toContain("mention");
  });

  it("holds first posts for approval when the setting is on; nobody else sees them", async () => {
    const w = await world();
    const db = await getDb();
    const newcomer = await createUser();
    await db
      .insert(settings)
      .values({ key: "forum.holdFirstPosts", value: true })
      .onConflictDoUpdate({ target: settings.key, set: { value: true } });
    const { isHoldFirstPostsOn } = await import("@/lib/forum/data");
    expect(await isHoldFirstPostsOn()).toBe(true);
    const held = await createReply({
      authorId: newcomer.id,
      threadId: w.tPub.thread.id,
      body: "Mein erster Beitrag",
      hold: true,
    });
    const others = await listThreadPosts({ viewer: as(w.outsider), threadId: w.tPub.thread.id, page: 1 });
    expect(others.map((p) => p.number)).not.toContain(held.number);
    const own = await listThreadPosts({ viewer: as(newcomer), threadId: w.tPub.thread.id, page: 1 });
    expect(own.find((p) => p.number === held.number)?.status).toBe("pending");
    await setPostStatus({ postId: held.postId, status: "visible", actorId: w.coordinator.id, audit: true });
    const after = await listThreadPosts({ viewer: null, threadId: w.tPub.thread.id, page: 1 });
    expect(after.map((p) => p.number)).toContain(held.number);
    await db.update(settings).set({ value: false }).where(eq(settings.key, "forum.holdFirstPosts"));
  });
});

describe("moderation", () => {
  it("a report goes to the queue; hiding closes it and tells the reporter", async () => {
    const w = await world();
    const db = await getDb();
    const report = await reportContent({
      reporterId: w.outsider.id,
      subjectType: "post",
      subjectId: String(w.tMem.postId),
      reason: "Beleidigend",
    });
    await expect(
      reportContent({
        reporterId: w.outsider.id,
        subjectType: "post",
        subjectId: String(w.tMem.postId),
        reason: "Nochmal",
      }),
    ).rejects.toMatchObject({ message: "alreadyReported", field: "reason" });
    await resolveReport({ reportId: report.id, decision: "hide", actorId: w.coordinator.id });
    const [row] = await db.select().from(reports).where(eq(reports.id, report.id));
    expect(row!.status).toBe("hidden");
    const [post] = await db
      .select({ status: forumPosts.status })
      .from(forumPosts)
      .where(eq(forumPosts.id, w.tMem.postId));
    expect(post!.status).toBe("hidden");
    // The first post carries its thread: members no longer see it.
    expect(await getThread({ viewer: as(w.outsider), threadId: w.tMem.thread.id })).toBeNull();
    // The reporter reads what was decided (the whole thread, as it went along), and the line does not
    // lead to a page they cannot open.
    const [told] = (await listNotifications({ reader: w.outsider })).items;
    expect(told?.url).toBe("/notifications");
    expect(notificationText(tn, told!)).toBe(
      "Ihre Meldung zu „Mitgliederthema“: Das ganze Thema wurde ausgeblendet",
    );
  });

  it("a report dismissed tells the reporter it was checked, with a link to the post", async () => {
    const w = await world();
    const report = await reportContent({
      reporterId: w.outsider.id,
      subjectType: "post",
      subjectId: String(w.tPub.postId),
      reason: "Falsch",
    });
    await resolveReport({ reportId: report.id, decision: "dismiss", actorId: w.coordinator.id });
    const [told] = (await listNotifications({ reader: w.outsider })).items;
    expect(told?.url).toContain(`/forum/t/${w.tPub.thread.id}/`);
    expect(notificationText(tn, told!)).toBe(
      "Ihre Meldung zu „Öffentliches Thema“: Der Inhalt wurde geprüft und bleibt sichtbar",
    );
  });
});
