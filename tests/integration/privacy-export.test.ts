import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  calendarFeeds,
  conversationParticipants,
  conversations,
  events,
  forumPostRevisions,
  forumPosts,
  forumReactions,
  forumThreads,
  reports,
} from "@/db/schema";
import { exportUserData } from "@/lib/privacy/data";
import { createMember, uniqueEmail } from "../support/factories";
import { createCategory } from "../support/forum-factories";

const person = async () => {
  const tag = crypto.randomUUID().slice(0, 8);
  return { tag, user: await createMember({ name: `Person ${tag}`, email: uniqueEmail() }) };
};

describe("data export of what a member did", () => {
  it("has their reports, reactions, edits, conversations, events and feed; not others' parts", async () => {
    const mine = await person();
    const other = await person();
    const db = await getDb();
    const category = await createCategory("members");
    const [thread] = await db
      .insert(forumThreads)
      .values({ categoryId: category.id, authorId: other.user.id, title: "Thema", slug: `t-${mine.tag}` })
      .returning();
    const post = async (number: number, authorId: string, body: string) => {
      const [row] = await db
        .insert(forumPosts)
        .values({ threadId: thread!.id, categoryId: category.id, number, authorId, body, bodyHtml: body })
        .returning();
      return row!;
    };
    const theirs = await post(1, other.user.id, `Beitrag ${other.tag}`);
    const own = await post(2, mine.user.id, `Beitrag ${mine.tag}`);

    await db.insert(reports).values([
      {
        subjectType: "post",
        subjectId: String(theirs.id),
        reporterId: mine.user.id,
        reason: `Meldung ${mine.tag}`,
      },
      {
        subjectType: "post",
        subjectId: String(own.id),
        reporterId: other.user.id,
        reason: `Meldung ${other.tag}`,
      },
    ]);
    await db.insert(forumReactions).values([
      { postId: theirs.id, userId: mine.user.id, emoji: "👍" },
      { postId: own.id, userId: other.user.id, emoji: "🎉" },
    ]);
    await db.insert(forumPostRevisions).values([
      { postId: own.id, editorId: mine.user.id, body: `Erste Fassung ${mine.tag}` },
      // as a moderator, each edits the other's post: that earlier text is not their own data
      { postId: theirs.id, editorId: mine.user.id, body: `Fremde Fassung ${other.tag}` },
      { postId: own.id, editorId: other.user.id, body: `Moderiert ${other.tag}` },
    ]);
    const [group] = await db
      .insert(conversations)
      .values({ kind: "group", title: `Gruppe ${mine.tag}`, createdById: other.user.id })
      .returning();
    await db.insert(conversationParticipants).values([
      { conversationId: group!.id, userId: mine.user.id },
      { conversationId: group!.id, userId: other.user.id, unreadCount: 7 },
    ]);
    await db.insert(events).values([
      {
        title: `Organisiert ${mine.tag}`,
        organiserUserId: mine.user.id,
        startsAt: new Date(),
        durationMinutes: 60,
      },
      {
        title: `Organisiert ${other.tag}`,
        organiserUserId: other.user.id,
        startsAt: new Date(),
        durationMinutes: 60,
      },
    ]);
    await db.insert(calendarFeeds).values({ userId: mine.user.id, token: `geheim-${mine.tag}` });

    const data = await exportUserData({ userId: mine.user.id });
    expect(data.reportsMade).toEqual([
      expect.objectContaining({ subjectId: String(theirs.id), reason: `Meldung ${mine.tag}` }),
    ]);
    expect(data.forumReactions).toEqual([expect.objectContaining({ postId: theirs.id, emoji: "👍" })]);
    expect(data.forumPostEdits).toEqual([
      expect.objectContaining({ postId: own.id, earlierBody: `Erste Fassung ${mine.tag}` }),
    ]);
    expect(data.conversations).toEqual([
      expect.objectContaining({ conversationId: group!.id, kind: "group", title: `Gruppe ${mine.tag}` }),
    ]);
    expect(data.eventsOrganised).toEqual([expect.objectContaining({ title: `Organisiert ${mine.tag}` })]);
    expect(data.calendarFeed).toMatchObject({ exists: true });
    const json = JSON.stringify(data);
    expect(json).not.toContain(`geheim-${mine.tag}`);
    expect(json).not.toContain(other.tag);
    expect(json).not.toContain(other.user.id);
    expect(json).not.toContain('"unreadCount":7');

    expect((await exportUserData({ userId: other.user.id })).calendarFeed).toEqual({
      exists: false,
      createdAt: null,
    });
  });
});
