// A coordinator renames a thread: the notification lines about it (replies, mentions, a report's
// decision) name it by its new title and lead to its new address, and so does a mail still to go out.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { updateThreadFlags } from "@/lib/forum/moderation-mutations";
import { createReply, createThread } from "@/lib/forum/mutations";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { resolveReport } from "@/lib/moderation/mutations";
import { notificationText } from "@/lib/notifications/text";
import { createMember, createUser } from "../support/factories";
import { createCategory } from "../support/forum-factories";
import { member, outboxTo } from "../support/messages-factories";
import { reportPost } from "../support/moderation";
import { MAIL_WINDOW, tn } from "../support/notification-lines";

/** A member's notification lines: what they say, where they lead, and the links a line lists. */
async function lines(userId: string) {
  const db = await getDb();
  const rows = await db.select().from(notifications).where(eq(notifications.recipientId, userId));
  return rows.map((r) => ({
    kind: r.kind,
    text: notificationText(tn, { ...r, actorName: null }),
    url: r.url,
    items: r.params.items?.split(" ") ?? [],
  }));
}

describe("renaming a thread", () => {
  it("renames its notification lines and their links, and a mail still to go out, but no other thread's", async () => {
    const tag = crypto.randomUUID().slice(0, 6);
    // A name's words after the first start with a letter, as a mention needs them to.
    const rita = await createMember({ name: `Rita R${tag}` });
    const [otto, anna] = [await member("Otto"), await member("Anna")];
    const coordinator = await createUser({ role: "coordinator" });
    const category = await createCategory("members");
    const { thread } = await createThread({
      authorId: otto.id,
      categoryId: category.id,
      title: `Sprachkurs ${tag}`,
      body: "Wer kennt einen Kurs?",
    });
    const { thread: other } = await createThread({
      authorId: otto.id,
      categoryId: category.id,
      title: `Kita ${tag}`,
      body: "Wer kennt eine Kita?",
    });
    await createReply({ authorId: anna.id, threadId: thread.id, body: "Die VHS Zeitz." });
    const mention = await createReply({
      authorId: anna.id,
      threadId: thread.id,
      body: `Frag @${rita.name}, sie unterrichtet dort.`,
    });
    await createReply({ authorId: anna.id, threadId: other.id, body: "Die Kita Sonnenschein." });
    const report = await reportPost(rita.id, mention.postId);
    await resolveReport({ reportId: report.id, decision: "dismiss", actorId: coordinator.id });
    expect((await lines(otto.id)).map((l) => l.text).join(" ")).toContain(`„Sprachkurs ${tag}“`);

    await updateThreadFlags({
      threadId: thread.id,
      actorId: coordinator.id,
      set: { title: `Deutschkurs ${tag}` },
    });

    const renamed = `/forum/t/${thread.id}/deutschkurs-${tag}`;
    const ottos = await lines(otto.id);
    const reply = ottos.find((l) => l.url.startsWith(`/forum/t/${thread.id}/`));
    expect(reply?.text).toContain(`„Deutschkurs ${tag}“`);
    expect(reply?.url).toBe(`${renamed}#post-3`);
    expect(reply?.items).toEqual([`${renamed}#post-2`, `${renamed}#post-3`]);
    // The other thread, whose number may start the same way, keeps its title and address.
    const untouched = ottos.find((l) => l.url.startsWith(`/forum/t/${other.id}/`));
    expect(untouched?.text).toContain(`„Kita ${tag}“`);
    expect(untouched?.url).toBe(`/forum/t/${other.id}/kita-${tag}#post-2`);

    const ritas = await lines(rita.id);
    expect(ritas).toHaveLength(2);
    for (const line of ritas) {
      expect(line.text).toContain(`„Deutschkurs ${tag}“`);
      expect(line.url).toBe(`${renamed}#post-3`);
    }
    expect(ritas.map((l) => l.kind).sort()).toEqual(["mention", "moderation"]);

    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const mail = (await outboxTo(otto.email)).find((m) => m.subject.includes(`Deutschkurs ${tag}`));
    expect(mail?.text).toContain(renamed);
    expect(mail?.text).not.toContain(`sprachkurs-${tag}`);
  });
});
