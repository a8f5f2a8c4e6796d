import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications, workingGroupMembers } from "@/db/schema";
import { setPostStatus } from "@/lib/forum/moderation-mutations";
import { createReply, createThread } from "@/lib/forum/mutations";
import { postHref } from "@/lib/forum/utils";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { resolveReport } from "@/lib/moderation/mutations";
import { notificationText } from "@/lib/notifications/text";
import { createUser } from "../support/factories";
import { createCategory, createGroup } from "../support/forum-factories";
import { member, outboxTo } from "../support/messages-factories";
import { reportPost } from "../support/moderation";
import { MAIL_WINDOW, tn } from "../support/notification-lines";

/** The moderation lines in a member's notification centre: what they say and where they lead. */
async function moderationLines(userId: string) {
  const db = await getDb();
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, userId), eq(notifications.kind, "moderation")));
  return rows.map((r) => ({ text: notificationText(tn, { ...r, actorName: null }), url: r.url }));
}

/** A thread by Otto with a reply by Anna, in a category of this visibility. */
async function threadWithReply(categoryId: string, otto: { id: string }, anna: { id: string }) {
  const title = `Sprachkurs ${crypto.randomUUID().slice(0, 6)}`;
  const { thread } = await createThread({
    authorId: otto.id,
    categoryId,
    title,
    body: "Wer kennt einen Kurs?",
  });
  const reply = await createReply({ authorId: anna.id, threadId: thread.id, body: "Die VHS Zeitz." });
  return { title, thread: { ...thread, title }, replyId: reply.postId, href: postHref(thread, 2) };
}

describe("the author of a post a coordinator hides, deletes or shows again", () => {
  it("hears it, in the notification centre and by mail; the report's author hears their own line", async () => {
    const [otto, anna, rita] = [await member("Otto"), await member("Anna"), await member("Rita")];
    const coordinator = await createUser({ role: "coordinator" });
    const category = await createCategory("members");
    const { title, replyId, href } = await threadWithReply(category.id, otto, anna);

    const report = await reportPost(rita.id, replyId);
    await resolveReport({ reportId: report.id, decision: "hide", actorId: coordinator.id });
    // Hidden, the post is gone for Anna too: the line leads to the notification centre, not to it.
    expect(await moderationLines(anna.id)).toEqual([
      { text: `Ihr Beitrag in „${title}“ wurde von der Moderation ausgeblendet`, url: "/notifications" },
    ]);
    expect((await moderationLines(rita.id)).map((l) => l.text)).toEqual([
      `Ihre Meldung zu „${title}“: Der Inhalt wurde ausgeblendet`,
    ]);
    expect(await moderationLines(otto.id)).toEqual([]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const [mail] = await outboxTo(anna.email);
    expect(mail!.text).toContain(`Ihr Beitrag in „${title}“ wurde von der Moderation ausgeblendet`);

    // Shown again (the thread page's "restore"): a new line says so and leads to the post; the mailed
    // one about the hiding stays as it was.
    await setPostStatus({ postId: replyId, status: "visible", actorId: coordinator.id, audit: true });
    const lines = await moderationLines(anna.id);
    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual({
      text: `Ihr Beitrag in „${title}“ wurde von der Moderation wieder eingeblendet`,
      url: href,
    });
  });

  it("hears that it was deleted, but not of a post they deleted themselves", async () => {
    const [otto, anna] = [await member("Otto"), await member("Anna")];
    const coordinator = await createUser({ role: "coordinator" });
    const category = await createCategory("public");
    const first = await threadWithReply(category.id, otto, anna);
    await setPostStatus({ postId: first.replyId, status: "deleted", actorId: anna.id });
    expect(await moderationLines(anna.id)).toEqual([]);

    const second = await threadWithReply(category.id, otto, anna);
    await setPostStatus({ postId: second.replyId, status: "deleted", actorId: coordinator.id, audit: true });
    expect(await moderationLines(anna.id)).toEqual([
      { text: `Ihr Beitrag in „${second.title}“ wurde von der Moderation gelöscht`, url: "/notifications" },
    ]);
  });

  it("is not told about a working group's thread once they have left the group", async () => {
    const [otto, anna] = [await member("Otto"), await member("Anna")];
    const coordinator = await createUser({ role: "coordinator" });
    const group = await createGroup([otto.id, anna.id]);
    const category = await createCategory("group", group.id);
    const { replyId } = await threadWithReply(category.id, otto, anna);
    await leaveGroup(group.id, [anna.id]);
    await setPostStatus({ postId: replyId, status: "hidden", actorId: coordinator.id, audit: true });
    expect(await moderationLines(anna.id)).toEqual([]);
  });

  it("nor of their held post's approval, nor as reporter of the decision, once they have left", async () => {
    const { otto, anna, rita, coordinator, group, category } = await workingGroupSetting();
    const { thread, replyId } = await threadWithReply(category.id, otto, anna);
    const held = await createReply({ authorId: anna.id, threadId: thread.id, body: "Noch was", hold: true });
    const report = await reportPost(rita.id, replyId);
    await leaveGroup(group.id, [anna.id, rita.id]);

    await setPostStatus({ postId: held.postId, status: "visible", actorId: coordinator.id, audit: true });
    await resolveReport({ reportId: report.id, decision: "hide", actorId: coordinator.id });
    expect(await moderationLines(anna.id)).toEqual([]);
    expect(await moderationLines(rita.id)).toEqual([]);
  });

  it("gets no mail about it once they have left the group after it was decided", async () => {
    const { otto, anna, rita, coordinator, group, category } = await workingGroupSetting();
    const { title, replyId } = await threadWithReply(category.id, otto, anna);
    const report = await reportPost(rita.id, replyId);
    await resolveReport({ reportId: report.id, decision: "hide", actorId: coordinator.id });
    expect(await moderationLines(anna.id)).toHaveLength(1);
    expect(await moderationLines(rita.id)).toHaveLength(1);

    // Before the mails go out, Anna (the author) leaves; Rita (the reporter) stays and is mailed.
    await leaveGroup(group.id, [anna.id]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(anna.email)).toEqual([]);
    expect((await outboxTo(rita.email)).map((m) => m.text).join()).toContain(`Ihre Meldung zu „${title}“`);

    // And the other way round: a reporter who left before the mail hears nothing by mail.
    const second = await threadWithReply(category.id, otto, rita);
    const another = await reportPost(otto.id, second.replyId);
    await resolveReport({ reportId: another.id, decision: "dismiss", actorId: coordinator.id });
    await leaveGroup(group.id, [otto.id]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(otto.email)).toEqual([]);
  });
});

/** Otto, Anna and Rita in a working group with its category, and a coordinator. */
async function workingGroupSetting() {
  const [otto, anna, rita] = [await member("Otto"), await member("Anna"), await member("Rita")];
  const coordinator = await createUser({ role: "coordinator" });
  const group = await createGroup([otto.id, anna.id, rita.id]);
  return { otto, anna, rita, coordinator, group, category: await createCategory("group", group.id) };
}

async function leaveGroup(groupId: string, userIds: string[]) {
  const db = await getDb();
  await db
    .delete(workingGroupMembers)
    .where(and(eq(workingGroupMembers.groupId, groupId), inArray(workingGroupMembers.userId, userIds)));
}
