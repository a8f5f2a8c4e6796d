import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import { replyAction } from "@/lib/forum/actions";
import { createReply, createThread } from "@/lib/forum/mutations";
import { listThreadPosts } from "@/lib/forum/post-data";
import { quoteMarkdown } from "@/lib/forum/utils";
import { createSession, createUser } from "../support/factories";
import { createCategory } from "../support/forum-factories";
import { signInWith } from "../support/next-headers";

/** A name nobody else in the database has, so a mention resolves to this one member. */
const uniqueName = (first: string) =>
  `${first} ${crypto
    .randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 6)}`;

async function thread() {
  const author = await createUser({ name: uniqueName("Amal") });
  const sabine = await createUser({ name: uniqueName("Sabine") });
  const category = await createCategory("members");
  const { thread } = await createThread({
    authorId: author.id,
    categoryId: category.id,
    title: "Kaution zurück?",
    body: `Frage an @${sabine.name}: wer kennt sich aus?`,
  });
  return { author, sabine, category, thread };
}

/** Mention notifications of this member about this thread (unread ones of a thread are one row). */
async function mentionsOf(userId: string, threadId: number) {
  const db = await getDb();
  const rows = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientId, userId),
        eq(notifications.kind, "mention"),
        eq(notifications.subjectKey, `thread:${threadId}`),
      ),
    );
  return rows.length;
}

describe("writing in the forum", () => {
  it("keeps an address typed on separate lines on separate lines", async () => {
    const w = await thread();
    await createReply({ authorId: w.sabine.id, threadId: w.thread.id, body: "Beratung\nMarkt 3\nNaumburg" });
    const [, reply] = await listThreadPosts({ viewer: w.author, threadId: w.thread.id, page: 1 });
    expect(reply!.bodyHtml).toBe("<p>Beratung<br />Markt 3<br />Naumburg</p>\n");
  });

  it("does not mention a member again who is only named in a quote", async () => {
    const w = await thread();
    const other = await createThread({
      authorId: w.sabine.id,
      categoryId: w.category.id,
      title: "Ohne Erwähnung",
      body: "Hallo",
    });
    await createReply({
      authorId: w.author.id,
      threadId: other.thread.id,
      body: `${quoteMarkdown({ id: w.author.id, name: w.author.name! }, `Frage an @${w.sabine.name}`)}Noch jemand?`,
    });
    expect(await mentionsOf(w.sabine.id, other.thread.id)).toBe(0);
    await createReply({ authorId: w.author.id, threadId: other.thread.id, body: `@${w.sabine.name}?` });
    expect(await mentionsOf(w.sabine.id, other.thread.id)).toBe(1);
  });

  it("links a mention in the preview as the saved post will", async () => {
    const w = await thread();
    const form = new FormData();
    form.set("threadId", String(w.thread.id));
    form.set("body", `Danke @${w.sabine.name}!`);
    form.set("intent", "preview");
    signInWith(await createSession(w.author.id));
    try {
      const state = await replyAction({ status: "idle" }, form);
      expect(state.status === "preview" && state.previewHtml).toContain(`href="/members/${w.sabine.id}"`);
    } finally {
      signInWith(undefined);
    }
  });
});
