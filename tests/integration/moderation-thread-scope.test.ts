import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { forumThreads, notifications } from "@/db/schema";
import { restorePostAction } from "@/lib/forum/actions";
import { setPostStatus } from "@/lib/forum/moderation-mutations";
import { createReply, createThread } from "@/lib/forum/mutations";
import { resolveReportAction } from "@/lib/moderation/actions";
import { listOpenReports } from "@/lib/moderation/data";
import { reportContent } from "@/lib/moderation/mutations";
import { notificationText } from "@/lib/notifications/text";
import { redirectOf, signedInAs } from "../support/actions";
import { createUser } from "../support/factories";
import { form } from "../support/forms";
import { createCategory } from "../support/forum-factories";
import { tn } from "../support/notification-lines";

async function linesOf(userId: string) {
  const db = await getDb();
  const rows = await db.select().from(notifications).where(eq(notifications.recipientId, userId));
  return rows.map((r) => notificationText(tn, { ...r, actorName: null }));
}

async function threadStatus(id: number) {
  const db = await getDb();
  const [row] = await db
    .select({ status: forumThreads.status })
    .from(forumThreads)
    .where(eq(forumThreads.id, id));
  return row!.status;
}

/** A thread by `authorId` whose opening post `reporterId` reported; replies by the given people. */
async function reportedOpening(authorId: string, reporterId: string, replyAuthorIds: string[] = []) {
  const category = await createCategory("members");
  const title = `Thema ${crypto.randomUUID().slice(0, 8)}`;
  const { thread, postId } = await createThread({
    authorId,
    categoryId: category.id,
    title,
    body: "**Erster** Beitrag",
  });
  for (const id of replyAuthorIds) await createReply({ authorId: id, threadId: thread.id, body: "Antwort" });
  const report = await reportContent({
    reporterId,
    subjectType: "post",
    subjectId: String(postId),
    reason: "Spam",
  });
  const entry = (await listOpenReports()).find((r) => r.reportId === report.id)!;
  return { thread, postId, title, report, entry };
}

describe("deciding on a reported opening post", () => {
  it("says beforehand, and tells the reporter, that deleting it takes the whole thread when nobody else answered", async () => {
    const author = await createUser();
    const reporter = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    const { thread, title, report, entry } = await reportedOpening(author.id, reporter.id, [author.id]);
    expect(entry.subject?.takesThread).toEqual({ hide: true, delete: true });
    // The queue shows the post as the thread does, not its Markdown.
    expect(entry.subject?.html).toContain("<strong>Erster</strong>");

    expect(
      await signedInAs(coordinator.id, () =>
        redirectOf(() => resolveReportAction(form({ reportId: report.id, decision: "delete" }))),
      ),
    ).toBe(`/admin/moderation?deleteReport=${report.id}#confirm-heading`);
    expect(
      await signedInAs(coordinator.id, () =>
        redirectOf(() =>
          resolveReportAction(form({ reportId: report.id, decision: "delete", confirmed: "yes" })),
        ),
      ),
    ).toBe("/admin/moderation?done=deleteThread");
    expect(await threadStatus(thread.id)).toBe("deleted");
    expect(await linesOf(reporter.id)).toEqual([
      `Ihre Meldung zu „${title}“: Das ganze Thema wurde gelöscht`,
    ]);
  });

  it("keeps the thread when others answered, and says the post alone is deleted", async () => {
    const author = await createUser();
    const reporter = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    const { thread, title, report, entry } = await reportedOpening(author.id, reporter.id, [reporter.id]);
    expect(entry.subject?.takesThread).toEqual({ hide: true, delete: false });
    expect(
      await signedInAs(coordinator.id, () =>
        redirectOf(() =>
          resolveReportAction(form({ reportId: report.id, decision: "delete", confirmed: "yes" })),
        ),
      ),
    ).toBe("/admin/moderation?done=delete");
    expect(await threadStatus(thread.id)).toBe("visible");
    expect(await linesOf(reporter.id)).toContain(`Ihre Meldung zu „${title}“: Der Inhalt wurde gelöscht`);
  });

  it("hiding an opening post hides its thread, and the reporter is told so", async () => {
    const author = await createUser();
    const reporter = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    const { thread, title, report } = await reportedOpening(author.id, reporter.id, [reporter.id]);
    expect(
      await signedInAs(coordinator.id, () =>
        redirectOf(() => resolveReportAction(form({ reportId: report.id, decision: "hide" }))),
      ),
    ).toBe("/admin/moderation?done=hideThread");
    expect(await threadStatus(thread.id)).toBe("hidden");
    expect(await linesOf(reporter.id)).toContain(
      `Ihre Meldung zu „${title}“: Das ganze Thema wurde ausgeblendet`,
    );
  });
});

describe("restoring a hidden post in the thread", () => {
  it("comes back to the post with the page's notice", async () => {
    const author = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    const category = await createCategory("members");
    const { thread } = await createThread({
      authorId: author.id,
      categoryId: category.id,
      title: "T",
      body: "B",
    });
    const reply = await createReply({ authorId: author.id, threadId: thread.id, body: "Antwort" });
    await setPostStatus({ postId: reply.postId, status: "hidden", actorId: coordinator.id });
    expect(
      await signedInAs(coordinator.id, () =>
        redirectOf(() => restorePostAction(form({ postId: reply.postId }))),
      ),
    ).toMatch(new RegExp(`^/forum/t/${thread.id}/[^?#]*\\?restored=1#post-2$`));
  });
});
