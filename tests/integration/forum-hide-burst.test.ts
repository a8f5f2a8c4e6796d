// Hiding one post of a burst ("3 neue Antworten") takes out only that post's share: the line keeps
// its other posts (count, text, link) and goes only when none is left; its mail does not quote the
// hidden post. Restoring the post tells those who have not read it again.
import { desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications, users } from "@/db/schema";
import {
  RESTORE_ANNOUNCED_REPLIES,
  setPostStatus,
  updateThreadFlags,
} from "@/lib/forum/moderation-mutations";
import { createReply, createThread, recordRead, setWatch } from "@/lib/forum/mutations";
import { runQueuedJobs } from "@/lib/jobs/testing";
import { notificationText } from "@/lib/notifications/text";
import { createMember, createUser } from "../support/factories";
import { createCategory } from "../support/forum-factories";
import { member, outboxTo } from "../support/messages-factories";
import { MAIL_WINDOW, tn } from "../support/notification-lines";

/** The member's notification lines as the centre shows them, newest first (text with the actor's name, link). */
async function linesOf(userId: string) {
  const db = await getDb();
  const rows = await db
    .select({ line: notifications, actorName: users.name })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(eq(notifications.recipientId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id));
  return rows.map((r) => ({
    text: notificationText(tn, { ...r.line, actorName: r.actorName }),
    url: r.line.url,
  }));
}

/** Otto's thread, followed by Katrin; Iryna answers three times in a row. */
async function burst() {
  const otto = await member("Otto Eröffnet");
  const iryna = await member("Iryna Antwortet");
  const katrin = await member("Katrin Folgt");
  const coordinator = await createUser({ role: "coordinator" });
  const category = await createCategory("members");
  const { thread, postId: openingId } = await createThread({
    authorId: otto.id,
    categoryId: category.id,
    title: "Wohnungssuche",
    body: "Wer kennt eine Wohnung?",
  });
  await setWatch({ userId: katrin.id, subjectType: "thread", subjectId: String(thread.id), level: "watch" });
  const replies: Awaited<ReturnType<typeof createReply>>[] = [];
  for (const body of [
    "Erste Antwort: Frau Lindner.",
    "Zweite Antwort: Herr Braun.",
    "Dritte Antwort: Genossenschaft.",
  ])
    replies.push(await createReply({ authorId: iryna.id, threadId: thread.id, body }));
  const href = (n: number) => `/forum/t/${thread.id}/${thread.slug}#post-${n}`;
  const hide = (i: number) =>
    setPostStatus({ postId: replies[i]!.postId, status: "hidden", actorId: coordinator.id });
  const restore = (i: number) =>
    setPostStatus({ postId: replies[i]!.postId, status: "visible", actorId: coordinator.id, audit: true });
  return { otto, iryna, katrin, coordinator, thread, openingId, href, hide, restore };
}

const replies = (count: number, name: string, title = "Wohnungssuche") =>
  count === 1
    ? `Neue Antwort von ${name} in „${title}“`
    : `${count} neue Antworten von ${name} in „${title}“`;

describe("hiding one post of a burst", () => {
  it("keeps the line for the other posts, leading to the last one left, and its mail leaves the hidden post out", async () => {
    const w = await burst();
    expect(await linesOf(w.katrin.id)).toEqual([{ text: replies(3, w.iryna.name!), url: w.href(4) }]);

    await w.hide(2);
    expect(await linesOf(w.katrin.id)).toEqual([{ text: replies(2, w.iryna.name!), url: w.href(3) }]);

    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const mails = await outboxTo(w.katrin.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(replies(2, w.iryna.name!));
    expect(mails[0]!.text).toContain("> Erste Antwort: Frau Lindner.");
    expect(mails[0]!.text).toContain("> Zweite Antwort: Herr Braun.");
    expect(mails[0]!.text).not.toContain("Genossenschaft");
  });

  it("counts one fewer when a post in the middle is hidden, and keeps the link", async () => {
    const w = await burst();
    await w.hide(1);
    expect(await linesOf(w.katrin.id)).toEqual([{ text: replies(2, w.iryna.name!), url: w.href(4) }]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const [mail] = await outboxTo(w.katrin.email);
    expect(mail!.text).toContain(replies(2, w.iryna.name!));
    expect(mail!.text).not.toContain("Herr Braun");
  });

  it("takes the share out of a line already mailed too", async () => {
    const w = await burst();
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(w.katrin.email)).toHaveLength(1);
    await w.hide(2);
    expect(await linesOf(w.katrin.id)).toEqual([{ text: replies(2, w.iryna.name!), url: w.href(3) }]);
  });

  it("removes the line, and its mail, once none of its posts is visible", async () => {
    const w = await burst();
    await w.hide(0);
    await w.hide(2);
    expect(await linesOf(w.katrin.id)).toEqual([{ text: replies(1, w.iryna.name!), url: w.href(3) }]);
    await w.hide(1);
    expect(await linesOf(w.katrin.id)).toEqual([]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    expect(await outboxTo(w.katrin.email)).toHaveLength(0);
  });

  it("takes the share out after the thread was renamed, whose new title changed the line and its links", async () => {
    const w = await burst();
    await updateThreadFlags({
      threadId: w.thread.id,
      actorId: w.coordinator.id,
      set: { title: "Wohnungen gesucht" },
    });
    await w.hide(2);
    const renamed = (count: number) => replies(count, w.iryna.name!, "Wohnungen gesucht");
    const href = (n: number) => `/forum/t/${w.thread.id}/wohnungen-gesucht#post-${n}`;
    expect(await linesOf(w.katrin.id)).toEqual([{ text: renamed(2), url: href(3) }]);
    await w.hide(0);
    expect(await linesOf(w.katrin.id)).toEqual([{ text: renamed(1), url: href(3) }]);
    await w.hide(1);
    expect(await linesOf(w.katrin.id)).toEqual([]);
  });

  it("keeps a mention line while another post still names the member", async () => {
    const w = await burst();
    // A name of letters only, so "@Name" finds exactly this member.
    const named = await createMember({
      name: `Nadia ${crypto
        .randomUUID()
        .replace(/[^a-f]/g, "")
        .slice(0, 6)}`,
    });
    await createReply({ authorId: w.iryna.id, threadId: w.thread.id, body: `@${named.name} hilfst du?` });
    const second = await createReply({
      authorId: w.iryna.id,
      threadId: w.thread.id,
      body: `@${named.name} bitte melde dich.`,
    });
    await setPostStatus({ postId: second.postId, status: "hidden", actorId: w.coordinator.id });
    expect(await linesOf(named.id)).toEqual([
      { text: `${w.iryna.name} hat Sie in „Wohnungssuche“ erwähnt`, url: w.href(5) },
    ]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const mails = await outboxTo(named.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("hilfst du?");
    expect(mails[0]!.text).not.toContain("bitte melde dich");
  });
});

describe("restoring a hidden post", () => {
  it("gives the share back to a waiting line, and tells again who had lost the line", async () => {
    const w = await burst();
    await w.hide(2);
    await w.restore(2);
    expect(await linesOf(w.katrin.id)).toEqual([{ text: replies(3, w.iryna.name!), url: w.href(4) }]);

    const single = await burst();
    await single.hide(0);
    await single.hide(1);
    await single.hide(2);
    await single.restore(1);
    expect(await linesOf(single.katrin.id)).toEqual([
      { text: replies(1, single.iryna.name!), url: single.href(3) },
    ]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const [mail] = await outboxTo(single.katrin.email);
    expect(mail!.text).toContain("> Zweite Antwort: Herr Braun.");
    expect(mail!.text).not.toContain("Frau Lindner");
  });

  it("quotes every post of the line in its mail, the restored one too", async () => {
    const w = await burst();
    await w.hide(0);
    await w.restore(0);
    expect(await linesOf(w.katrin.id)).toEqual([{ text: replies(3, w.iryna.name!), url: w.href(2) }]);
    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const mails = await outboxTo(w.katrin.email);
    expect(mails).toHaveLength(1);
    for (const quote of ["Frau Lindner", "Herr Braun", "Genossenschaft"])
      expect(mails[0]!.text).toContain(quote);
  });

  it("restoring the opening post tells again, once, who has not read the thread's replies", async () => {
    const w = await burst();
    const lena = await member("Lena Liest");
    await setWatch({
      userId: lena.id,
      subjectType: "thread",
      subjectId: String(w.thread.id),
      level: "watch",
    });
    await recordRead({ userId: lena.id, threadId: w.thread.id, number: 3 });
    await w.hide(1);
    // Hiding the opening post hides the thread, and every line about it goes.
    await setPostStatus({ postId: w.openingId, status: "hidden", actorId: w.coordinator.id });
    expect(await linesOf(w.katrin.id)).toEqual([]);
    // Otto, who opened it, hears why his thread is gone; the line leads nowhere the thread was.
    expect(await linesOf(w.otto.id)).toEqual([
      { text: "Ihr Beitrag in „Wohnungssuche“ wurde von der Moderation ausgeblendet", url: "/notifications" },
    ]);

    await setPostStatus({ postId: w.openingId, status: "visible", actorId: w.coordinator.id, audit: true });
    // As any restored post, the opening post is news to whoever has not read it: Katrin never opened the thread.
    expect(await linesOf(w.katrin.id)).toEqual([
      { text: replies(2, w.iryna.name!), url: w.href(4) },
      { text: `Neues Thema von ${w.otto.name}: „Wohnungssuche“`, url: w.href(1) },
    ]);
    expect(await linesOf(lena.id)).toEqual([{ text: replies(1, w.iryna.name!), url: w.href(4) }]);
    // The same line now says it is back, and leads to it.
    expect(await linesOf(w.otto.id)).toEqual([
      { text: "Ihr Beitrag in „Wohnungssuche“ wurde von der Moderation wieder eingeblendet", url: w.href(1) },
      { text: replies(2, w.iryna.name!), url: w.href(4) },
    ]);

    await runQueuedJobs({ dueWithinMs: MAIL_WINDOW });
    const mails = await outboxTo(w.katrin.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("> Erste Antwort: Frau Lindner.");
    expect(mails[0]!.text).toContain("> Dritte Antwort: Genossenschaft.");
    expect(mails[0]!.text).not.toContain("Herr Braun");
  });

  it("announces a long thread's opening post and only its latest replies again", async () => {
    const w = await burst();
    const db = await getDb();
    // 60 more replies by Iryna, #5 to #64, written straight into the table
    await db.execute(sql`insert into forum_posts (thread_id, category_id, author_id, number, body, body_html, status)
      select t.id, t.category_id, ${w.iryna.id}, g, 'Antwort ' || g, '<p>Antwort ' || g || '</p>', 'visible'
      from forum_threads t, generate_series(5, 64) g where t.id = ${w.thread.id}`);
    await setPostStatus({ postId: w.openingId, status: "hidden", actorId: w.coordinator.id });
    await setPostStatus({ postId: w.openingId, status: "visible", actorId: w.coordinator.id });
    expect(await linesOf(w.katrin.id)).toEqual([
      {
        text: replies(RESTORE_ANNOUNCED_REPLIES, w.iryna.name!),
        url: `/forum/t/${w.thread.id}/${w.thread.slug}?page=4#post-64`,
      },
      { text: `Neues Thema von ${w.otto.name}: „Wohnungssuche“`, url: w.href(1) },
    ]);
  });

  it("tells nobody who had read that far", async () => {
    const w = await burst();
    await w.hide(2);
    await recordRead({ userId: w.katrin.id, threadId: w.thread.id, number: 4 });
    await w.restore(2);
    expect(await linesOf(w.katrin.id)).toEqual([{ text: replies(2, w.iryna.name!), url: w.href(3) }]);
  });
});
