import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { setPostStatus } from "@/lib/forum/moderation-mutations";
import { createReply, createThread } from "@/lib/forum/mutations";
import type { ForumViewer } from "@/lib/forum/visibility";
import { AUTHOR_LOOKUPS, RECENT_POSTS, RECENT_THREADS, searchPosts } from "@/lib/search/data";
import { loadSearch } from "@/lib/search/loaders";
import { createSession, createUser, uniqueEmail } from "../support/factories";
import { createCategory, createGroup } from "../support/forum-factories";
import { signInWith } from "../support/next-headers";

vi.mock("@/lib/i18n/server", () => ({ getRequestLocale: async () => "de" }));

const as = (user: { id: string; role: "member" | "coordinator" | "admin" }): ForumViewer => ({
  id: user.id,
  role: user.role,
});
/** A word (and name) no other test writes, so each search sees only this test's posts. */
const unique = () =>
  crypto
    .randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 8);

describe("forum search", () => {
  it("finds a thread by its title, once, but not in a category the viewer may not see", async () => {
    const key = `Zauberwort${unique()}`;
    const member = await createUser();
    const insider = await createUser();
    const group = await createGroup([insider.id]);
    const open = await createThread({
      authorId: member.id,
      categoryId: (await createCategory("members")).id,
      title: `Kursplanung ${key}`,
      body: "Wer plant das Sommerhalbjahr mit?",
    });
    const both = await createThread({
      authorId: member.id,
      categoryId: (await createCategory("members")).id,
      title: `Kursplanung ${key} Herbst`,
      body: `Auch hier: Kursplanung ${key}.`,
    });
    await createThread({
      authorId: insider.id,
      categoryId: (await createCategory("group", group.id)).id,
      title: `Kursplanung ${key} intern`,
      body: "Nur für den Arbeitskreis.",
    });
    const found = await searchPosts({ viewer: as(member), query: `Kursplanung ${key}` });
    expect(found.hits.map((h) => [h.threadId, h.number])).toEqual([
      [both.thread.id, 1],
      [open.thread.id, 1],
    ]);
    expect((await searchPosts({ viewer: as(insider), query: `Kursplanung ${key}` })).hits).toHaveLength(3);
  });

  it("finds a plural by its singular and the other way round, but a word not by another's start", async () => {
    const key = `Stichwort${unique()}`;
    const member = await createUser();
    const categoryId = (await createCategory("members")).id;
    const { thread } = await createThread({
      authorId: member.id,
      categoryId,
      title: "Neue Kurse ab Februar",
      body: `Zwei neue Integrationskurse in Naumburg, weitere Kurse am Abend, dazu ein Sprachkurs. ${key}`,
    });
    await createThread({ authorId: member.id, categoryId, title: "Kurz notiert", body: `Nur kurz: ${key}` });
    const threadsFor = async (query: string) =>
      (await searchPosts({ viewer: as(member), query: `${query} ${key}` })).hits.map((h) => h.threadId);
    // the German stemmer cuts "Integrationskurs" and "Integrationskurse" apart
    expect(await threadsFor("Integrationskurs")).toEqual([thread.id]);
    expect(await threadsFor("Sprachkurse")).toEqual([thread.id]);
    expect(await threadsFor("Kurs")).toEqual([thread.id]);
    expect(await threadsFor('"neue Integrationskurs"')).toEqual([thread.id]);
    expect(await threadsFor("Kurs -Integrationskurs")).toEqual([]);
    const [hit] = (await searchPosts({ viewer: as(member), query: `Integrationskurs ${key}` })).hits;
    expect(hit?.snippet).toContain("[[[mark]]]Integrationskurse[[[/mark]]]");
  });

  it("lists an author's posts for a name alone, and shows snippets without Markdown", async () => {
    const name = `Amal Yousef${unique()}`;
    const author = await createUser({ name });
    const reader = await createUser();
    const category = await createCategory("members");
    const { thread } = await createThread({
      authorId: author.id,
      categoryId: category.id,
      title: "Kaution",
      body: "Wir suchen eine Wohnung.",
    });
    await createReply({
      authorId: author.id,
      threadId: thread.id,
      body: `> **${name}:**\n> Wir suchen eine Wohnung.\n\n**dringend**, bitte [hier](https://example.org) melden`,
    });

    signInWith(await createSession(reader.id));
    try {
      const result = await loadSearch({ q: "", author: name.toLowerCase() });
      expect(result.searched).toBe(true);
      expect(result.hits.map((h) => h.number)).toEqual([2, 1]);
      expect(result.hits[0]!.snippet).toBe(
        `${name}:\nWir suchen eine Wohnung.\n\ndringend, bitte hier melden`,
      );
    } finally {
      signInWith(undefined);
    }
    const words = await searchPosts({ viewer: as(reader), query: "dringend", author: name });
    expect(words.hits[0]!.snippet).toContain("[[[mark]]]dringend[[[/mark]]], bitte hier melden");
    expect(words.hits[0]!.snippet).not.toMatch(/\*|>/);
  });

  it("leaves out posts of a deleted thread, also for a coordinator", async () => {
    const key = `Zauberwort${unique()}`;
    const member = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    const { thread, postId } = await createThread({
      authorId: member.id,
      categoryId: (await createCategory("members")).id,
      title: "Wird gelöscht",
      body: `Erster Beitrag ${key}`,
    });
    await createReply({ authorId: member.id, threadId: thread.id, body: `Antwort ${key}` });
    expect((await searchPosts({ viewer: as(coordinator), query: key })).hits).toHaveLength(2);
    await setPostStatus({ postId, status: "deleted", actorId: member.id });
    expect((await searchPosts({ viewer: as(coordinator), query: key })).hits).toEqual([]);
  });
  it("finds posts and titles older than the newest ones it reads in order, newest first, page after page", async () => {
    const key = `Altwort${unique()}`;
    const member = await createUser();
    const category = (await createCategory("members")).id;
    const titleKey = `Titelwort${unique()}`;
    const titled = await createThread({
      authorId: member.id,
      categoryId: category,
      title: titleKey,
      body: "Alt",
    });
    const opening = await createThread({
      authorId: member.id,
      categoryId: category,
      title: "Alt",
      body: key,
    });
    const reply = async () =>
      (await createReply({ authorId: member.id, threadId: opening.thread.id, body: key })).postId;
    const old = [opening.postId];
    for (let i = 0; i < 24; i++) old.push(await reply());
    // More newer posts and threads than the search reads in order: the old matches are left to the index.
    // Dated long ago, so that no list of recent activity shows them to other tests.
    const db = await getDb();
    const filler = await createThread({
      authorId: member.id,
      categoryId: category,
      title: "Füller",
      body: "Füller",
    });
    await db.execute(sql`insert into forum_posts (thread_id, category_id, number, author_id, body, body_html, created_at)
      select ${filler.thread.id}, ${category}, 1 + k, ${member.id}, 'Füllbeitrag', '<p>Füllbeitrag</p>', '2001-01-01'
      from generate_series(1, ${RECENT_POSTS}) k`);
    await db.execute(sql`insert into forum_threads (category_id, author_id, title, slug, last_post_at, created_at)
      select ${category}, ${member.id}, 'Füllthema', 'fuellthema', '2001-01-01', '2001-01-01'
      from generate_series(1, ${RECENT_THREADS}) k`);
    const recent = [await reply(), await reply()];

    const newestFirst = [...old, ...recent].reverse();
    const first = await searchPosts({ viewer: as(member), query: key });
    expect(first.hits.map((h) => h.postId)).toEqual(newestFirst.slice(0, 20));
    const second = await searchPosts({ viewer: as(member), query: key, before: first.next ?? undefined });
    expect(second.hits.map((h) => h.postId)).toEqual(newestFirst.slice(20));
    expect(second.next).toBeNull();
    expect((await searchPosts({ viewer: as(member), query: titleKey })).hits.map((h) => h.postId)).toEqual([
      titled.postId,
    ]);
  });

  it("finds a named author's posts and titles, newest first page after page, whether few or many share the name", async () => {
    const key = `Suchwort${unique()}`;
    const surname = `Quelle${unique()}`;
    const author = await createUser({ name: `Amal ${surname}` });
    const other = await createUser();
    const insider = await createUser();
    const reader = await createUser();
    const open = (await createCategory("members")).id;
    const restricted = (await createCategory("group", (await createGroup([author.id, insider.id])).id)).id;
    const titled = await createThread({ authorId: author.id, categoryId: open, title: key, body: "Ohne" });
    const theirs = await createThread({ authorId: other.id, categoryId: open, title: "Frage", body: key });
    const expected = [titled.postId];
    for (let i = 0; i < 22; i++)
      expected.push(
        (await createReply({ authorId: author.id, threadId: theirs.thread.id, body: key })).postId,
      );
    await createThread({ authorId: author.id, categoryId: restricted, title: "Intern", body: key });
    await createReply({ authorId: other.id, threadId: titled.thread.id, body: key });
    const newestFirst = expected.reverse();

    const pages = async (query: string) => {
      const first = await searchPosts({ viewer: as(reader), query, author: surname });
      const second = await searchPosts({ viewer: as(reader), query, author: surname, before: first.next! });
      expect(second.next).toBeNull();
      return [first.hits, second.hits].map((hits) => hits.map((h) => h.postId));
    };
    const byFew = [await pages(key), await pages("")];
    expect(byFew[0]).toEqual([newestFirst.slice(0, 20), newestFirst.slice(20)]);
    expect(byFew[1]).toEqual(byFew[0]);
    // More members who share the name than the search looks up one by one: the other way, same hits.
    const db = await getDb();
    await db.insert(users).values(
      Array.from({ length: AUTHOR_LOOKUPS }, () => ({
        name: `Namensvetter ${surname}`,
        email: uniqueEmail(),
        status: "approved" as const,
      })),
    );
    expect(await pages(key)).toEqual(byFew[0]);
    expect(await pages("")).toEqual(byFew[0]);
    expect((await searchPosts({ viewer: as(reader), query: key, author: "Niemand" })).hits).toEqual([]);
  });
});
