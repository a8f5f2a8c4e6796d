// A post names at most MAX_MENTIONS members with @: more is refused beside the text (in the preview
// too), keeping it; up to that many, every one named is told, however many other "@" words come first.
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { forumPosts, notifications } from "@/db/schema";
import { replyAction } from "@/lib/forum/actions";
import { createThread } from "@/lib/forum/mutations";
import { actAs } from "../support/actions";
import { createSession, createUser } from "../support/factories";
import { createCategory } from "../support/forum-factories";

/** A thread and `count` members, each with a one-word name of their own. */
async function setting(count: number) {
  const tag = crypto.randomUUID().slice(0, 6);
  const author = await createUser({ name: `Autorin ${tag}` });
  const named = [];
  for (let i = 0; i < count; i++) named.push(await createUser({ name: `Mx${tag}n${i}` }));
  const category = await createCategory("members");
  const { thread } = await createThread({
    authorId: author.id,
    categoryId: category.id,
    title: "Einladung an alle",
    body: "Wer kommt?",
  });
  return { author, named, thread, token: await createSession(author.id) };
}

const reply = (threadId: number, body: string, intent: "preview" | "submit") => {
  const form = new FormData();
  form.set("threadId", String(threadId));
  form.set("body", body);
  form.set("intent", intent);
  return form;
};

const mentionsOf = (people: { name: string | null }[]) => people.map((p) => `@${p.name}`).join(", ");

async function toldOfMention(userIds: string[]) {
  const db = await getDb();
  const rows = await db
    .select({ id: notifications.recipientId })
    .from(notifications)
    .where(and(inArray(notifications.recipientId, userIds), eq(notifications.kind, "mention")));
  return new Set(rows.map((r) => r.id));
}

describe("mentions in a post", () => {
  it("are refused beyond 20 members, beside the text and already in the preview, keeping it", async () => {
    const { named, thread, token } = await setting(21);
    const body = `Hallo ${mentionsOf(named)}, bitte alle kommen.`;
    const refusal = {
      body: { key: "tooManyMentions", values: { max: 20, count: 21 } },
    };

    const preview = await actAs(token, () =>
      replyAction({ status: "idle" }, reply(thread.id, body, "preview")),
    );
    expect(preview).toMatchObject({ status: "preview", fieldErrors: refusal, values: { body } });

    const sent = await actAs(token, () => replyAction({ status: "idle" }, reply(thread.id, body, "submit")));
    expect(sent).toMatchObject({ status: "error", fieldErrors: refusal, values: { body } });
    const db = await getDb();
    expect(await db.select().from(forumPosts).where(eq(forumPosts.threadId, thread.id))).toHaveLength(1);
    expect(await toldOfMention(named.map((m) => m.id))).toEqual(new Set());
  });

  it("tell all 20 members named, also after other words with an @", async () => {
    const { named, thread, token } = await setting(20);
    const others = Array.from({ length: 8 }, (_, i) => `@niemand${i}`).join(" ");
    const body = `Ohne Konto: ${others}. Eingeladen: ${mentionsOf(named)}.`;
    const sent = await actAs(token, () => replyAction({ status: "idle" }, reply(thread.id, body, "submit")));
    expect(sent).toMatch(/^redirected:\/forum\/t\//);
    expect(await toldOfMention(named.map((m) => m.id))).toEqual(new Set(named.map((m) => m.id)));
  });
});
