// A post or message form sent twice (a second click, a retry after a dropped connection, the back
// button, the reload of a result) creates its thread, reply, conversation or message once: the second
// sending lands where the first did, one after the other and at the same moment.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { formSubmissions, forumPosts, forumThreads, messages } from "@/db/schema";
import { createThreadAction, replyAction } from "@/lib/forum/actions";
import { createReply, createThread } from "@/lib/forum/mutations";
import { sendMessageAction, startConversationAction } from "@/lib/messages/actions";
import { startConversation } from "@/lib/messages/mutations";
import { SUBMISSION_FIELD } from "@/lib/submissions/constants";
import { submissionOf } from "@/lib/submissions/utils";
import { actAs, redirectOf } from "../support/actions";
import { createSession, createUser } from "../support/factories";
import { pdfFile } from "../support/files";
import { createCategory } from "../support/forum-factories";
import { member } from "../support/messages-factories";
import { signInWith } from "../support/next-headers";

const IDLE = { status: "idle" } as const;

function formOf(fields: Record<string, string | string[]>, extra: [string, File][] = []) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  for (const [name, file] of extra) form.append(name, file);
  return form;
}

/** Both sendings at the same moment, as one signed-in member; resolves to where each landed. */
async function atOnce(token: string, send: () => Promise<unknown>): Promise<string[]> {
  signInWith(token);
  try {
    return await Promise.all([redirectOf(send), redirectOf(send)]);
  } finally {
    signInWith(undefined);
  }
}

async function forumSetting() {
  const author = await createUser({ name: "Erika Einmal" });
  const other = await createUser({ name: "Otto Anders" });
  const category = await createCategory("members");
  const { thread } = await createThread({
    authorId: author.id,
    categoryId: category.id,
    title: "Sprachcafé am Donnerstag",
    body: "Wer kommt?",
  });
  return { author, other, category, thread, token: await createSession(author.id) };
}

const repliesIn = async (threadId: number) => {
  const db = await getDb();
  return db
    .select({ number: forumPosts.number, authorId: forumPosts.authorId, body: forumPosts.body })
    .from(forumPosts)
    .where(eq(forumPosts.threadId, threadId))
    .orderBy(forumPosts.number);
};

const messagesIn = async (conversationId: string) => {
  const db = await getDb();
  return db
    .select({ id: messages.id, senderId: messages.senderId, body: messages.body })
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(messages.createdAt);
};

describe("a forum reply sent twice", () => {
  it("is posted once, one sending after the other: both land on it", async () => {
    const w = await forumSetting();
    const key = crypto.randomUUID();
    const reply = () =>
      formOf({ threadId: String(w.thread.id), body: "Ich komme!", [SUBMISSION_FIELD]: key });
    const first = await actAs(w.token, () => replyAction(IDLE, reply()));
    const second = await actAs(w.token, () => replyAction(IDLE, reply()));
    expect(first).toBe(`redirected:/forum/t/${w.thread.id}/${w.thread.slug}#post-2`);
    expect(second).toBe(first);
    expect((await repliesIn(w.thread.id)).map((p) => p.body)).toEqual(["Wer kommt?", "Ich komme!"]);
  });

  it("is posted once when both sendings arrive at the same moment", async () => {
    const w = await forumSetting();
    const key = crypto.randomUUID();
    const landed = await atOnce(w.token, () =>
      replyAction(
        IDLE,
        formOf({ threadId: String(w.thread.id), body: "Gleichzeitig", [SUBMISSION_FIELD]: key }),
      ),
    );
    expect(landed).toEqual([
      `/forum/t/${w.thread.id}/${w.thread.slug}#post-2`,
      `/forum/t/${w.thread.id}/${w.thread.slug}#post-2`,
    ]);
    expect(await repliesIn(w.thread.id)).toHaveLength(2);
  });

  it("with a new key and another text is a second reply; another member's use of the key posts their own", async () => {
    const w = await forumSetting();
    const key = crypto.randomUUID();
    const send = (token: string, body: string, submission: string) =>
      actAs(token, () =>
        replyAction(IDLE, formOf({ threadId: String(w.thread.id), body, [SUBMISSION_FIELD]: submission })),
      );
    expect(await send(w.token, "Erste Antwort", key)).toMatch(/#post-2$/);
    expect(await send(w.token, "Zweite Antwort", crypto.randomUUID())).toMatch(/#post-3$/);
    // Otto sends Erika's key (copied from her page, say): it finds nothing of hers, and posts his reply.
    const otto = await createSession(w.other.id);
    expect(await send(otto, "Erste Antwort", key)).toMatch(/#post-4$/);
    expect(await send(otto, "Erste Antwort", key)).toMatch(/#post-4$/);
    expect((await repliesIn(w.thread.id)).map((p) => [p.number, p.authorId])).toEqual([
      [1, w.author.id],
      [2, w.author.id],
      [3, w.author.id],
      [4, w.other.id],
    ]);
  });

  it("keeps its key after an error, and a sending that failed while saving leaves the key free", async () => {
    const w = await forumSetting();
    const key = crypto.randomUUID();
    const form = (extra: Record<string, string> = {}) =>
      formOf({ threadId: String(w.thread.id), body: "Mit Anhang", [SUBMISSION_FIELD]: key, ...extra });
    // A file listed that is not hers: the form comes back, with its key.
    const refused = await actAs(w.token, () =>
      replyAction(IDLE, form({ attachment: `${crypto.randomUUID()}:fremd.pdf` })),
    );
    expect(refused).toMatchObject({ status: "error", values: { [SUBMISSION_FIELD]: key } });
    // Refused inside the post's transaction: the key is rolled back with the post.
    const submission = submissionOf(form(), { userId: w.author.id, scope: "test", fields: ["body"] });
    await expect(
      createReply({
        authorId: w.author.id,
        threadId: w.thread.id,
        body: "Mit Anhang",
        pending: [{ id: crypto.randomUUID(), filename: "fremd.pdf" }],
        once: { submission, target: () => "/nowhere" },
      }),
    ).rejects.toThrow();
    const sent = await actAs(w.token, () => replyAction(IDLE, form()));
    expect(sent).toMatch(/#post-2$/);
    expect(await actAs(w.token, () => replyAction(IDLE, form()))).toBe(sent);
    expect(await repliesIn(w.thread.id)).toHaveLength(2);
  });

  it("from a form the back button loaded anew (a new key, the same text) lands on the first, unless someone wrote since or it brings files", async () => {
    const w = await forumSetting();
    const send = (token: string, body: string, files: [string, File][] = []) =>
      actAs(token, () =>
        replyAction(
          IDLE,
          formOf({ threadId: String(w.thread.id), body, [SUBMISSION_FIELD]: crypto.randomUUID() }, files),
        ),
      );
    const first = await send(w.token, "Bis Donnerstag!");
    expect(first).toMatch(/#post-2$/);
    expect(await send(w.token, "Bis Donnerstag!")).toBe(first);
    expect(await send(w.token, "Bis Donnerstag!", [["attachments", pdfFile()]])).toMatch(/#post-3$/);
    expect(await send(await createSession(w.other.id), "Ich auch.")).toMatch(/#post-4$/);
    expect(await send(w.token, "Bis Donnerstag!")).toMatch(/#post-5$/);
    expect(await repliesIn(w.thread.id)).toHaveLength(5);
  });
});

describe("a new forum thread sent twice", () => {
  it("is created once, one sending after the other and at the same moment", async () => {
    const w = await forumSetting();
    const form = (title: string, key: string) =>
      formOf({ categoryId: w.category.id, title, body: "Wer hat Zeit?", [SUBMISSION_FIELD]: key });
    const key = crypto.randomUUID();
    const first = await actAs(w.token, () => createThreadAction(IDLE, form("Umzugshilfe gesucht", key)));
    expect(first).toMatch(/^redirected:\/forum\/t\/\d+\/umzugshilfe-gesucht$/);
    expect(await actAs(w.token, () => createThreadAction(IDLE, form("Umzugshilfe gesucht", key)))).toBe(
      first,
    );

    const other = crypto.randomUUID();
    const landed = await atOnce(w.token, () =>
      createThreadAction(IDLE, form("Fahrrad zu verschenken", other)),
    );
    expect(landed[0]).toMatch(/^\/forum\/t\/\d+\/fahrrad-zu-verschenken$/);
    expect(landed[1]).toBe(landed[0]);

    const db = await getDb();
    const titles = await db
      .select({ title: forumThreads.title })
      .from(forumThreads)
      .where(eq(forumThreads.categoryId, w.category.id));
    expect(titles.map((t) => t.title).sort()).toEqual([
      "Fahrrad zu verschenken",
      "Sprachcafé am Donnerstag",
      "Umzugshilfe gesucht",
    ]);
  });
});

async function messagesSetting() {
  const anna = await member("Anna Absender");
  const bernd = await member("Bernd Empfang");
  const { conversationId } = await startConversation({
    senderId: anna.id,
    recipientIds: [bernd.id],
    body: "Hallo Bernd",
    files: [],
  });
  return { anna, bernd, conversationId, token: await createSession(anna.id) };
}

describe("a message sent twice", () => {
  it("is sent once, one sending after the other and at the same moment: all land on it", async () => {
    const w = await messagesSetting();
    const form = (body: string, key: string) =>
      formOf({ conversationId: w.conversationId, body, [SUBMISSION_FIELD]: key });
    const key = crypto.randomUUID();
    const first = await actAs(w.token, () => sendMessageAction(IDLE, form("Bist du morgen da?", key)));
    expect(first).toMatch(new RegExp(`^redirected:/messages/${w.conversationId}#m-`));
    expect(await actAs(w.token, () => sendMessageAction(IDLE, form("Bist du morgen da?", key)))).toBe(first);

    const other = crypto.randomUUID();
    const landed = await atOnce(w.token, () => sendMessageAction(IDLE, form("Und übermorgen?", other)));
    expect(landed[1]).toBe(landed[0]);
    const sent = await messagesIn(w.conversationId);
    expect(sent.map((m) => m.body)).toEqual(["Hallo Bernd", "Bist du morgen da?", "Und übermorgen?"]);
    expect(landed[0]).toBe(`/messages/${w.conversationId}#m-${sent[2]!.id}`);
  });

  it("with a new key and another text is a second message; another participant's use of the key sends their own", async () => {
    const w = await messagesSetting();
    const key = crypto.randomUUID();
    const send = (token: string, body: string, submission: string) =>
      actAs(token, () =>
        sendMessageAction(
          IDLE,
          formOf({ conversationId: w.conversationId, body, [SUBMISSION_FIELD]: submission }),
        ),
      );
    await send(w.token, "Ja", key);
    await send(w.token, "Gern", crypto.randomUUID());
    const bernd = await createSession(w.bernd.id);
    await send(bernd, "Ja", key);
    // The same short answer again after Bernd wrote is a new message too.
    await send(w.token, "Ja", crypto.randomUUID());
    expect((await messagesIn(w.conversationId)).map((m) => [m.senderId, m.body])).toEqual([
      [w.anna.id, "Hallo Bernd"],
      [w.anna.id, "Ja"],
      [w.anna.id, "Gern"],
      [w.bernd.id, "Ja"],
      [w.anna.id, "Ja"],
    ]);
  });
});

describe("a new conversation sent twice", () => {
  it("starts one conversation with one message, one sending after the other and at the same moment", async () => {
    const anna = await member("Anna Anfang");
    const bernd = await member("Bernd Beginn");
    const carla = await member("Carla Gruppe");
    const token = await createSession(anna.id);
    const form = (to: string[], key: string, title = "") =>
      formOf({ to, title, body: "Treffen wir uns?", [SUBMISSION_FIELD]: key });

    const key = crypto.randomUUID();
    const first = await actAs(token, () => startConversationAction(IDLE, form([bernd.id], key)));
    expect(first).toMatch(/^redirected:\/messages\/[\w-]+#m-/);
    expect(await actAs(token, () => startConversationAction(IDLE, form([bernd.id], key)))).toBe(first);
    const direct = String(first).split("/")[2]!.split("#")[0]!;
    expect(await messagesIn(direct)).toHaveLength(1);

    const group = crypto.randomUUID();
    const landed = await atOnce(token, () =>
      startConversationAction(IDLE, form([bernd.id, carla.id], group, "Elterncafé")),
    );
    expect(landed[1]).toBe(landed[0]);
    const groupId = landed[0]!.split("/")[2]!.split("#")[0]!;
    expect(groupId).not.toBe(direct);
    expect(await messagesIn(groupId)).toHaveLength(1);

    const db = await getDb();
    const recorded = await db
      .select({ targetUrl: formSubmissions.targetUrl })
      .from(formSubmissions)
      .where(eq(formSubmissions.userId, anna.id));
    expect(recorded.map((r) => r.targetUrl).sort()).toEqual(
      [String(first).replace("redirected:", ""), landed[0]].sort(),
    );
  });
});
