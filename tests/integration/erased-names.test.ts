import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { users, VISIBILITY } from "@/db/schema";
import { loadPostHistory } from "@/lib/forum/loaders";
import { createReply, createThread, editPost } from "@/lib/forum/mutations";
import { getPost, listThreadPosts } from "@/lib/forum/post-data";
import { quoteMarkdown } from "@/lib/forum/utils";
import type { ForumViewer } from "@/lib/forum/visibility";
import { deleteOwnAccount } from "@/lib/privacy/mutations";
import { searchPosts } from "@/lib/search/data";
import { actAs } from "../support/actions";
import { createMember, createSession, createUser } from "../support/factories";
import { createCategory } from "../support/forum-factories";

vi.mock("@/lib/i18n/server", () => ({ getRequestLocale: async () => "de" }));

const tag = () =>
  crypto
    .randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 6);
const LABEL = "Ehemaliges Mitglied";

describe("a deleted account's name in others' posts", () => {
  it("is gone from mentions, quotes, versions and search for visitors, members and coordinators", async () => {
    const t = tag();
    // Shown to everyone while she is a member, so visitors would see it too.
    const erika = await createMember({ name: `Erika Loesch ${t}`, visibility: { name: VISIBILITY.public } });
    const olaf = await createMember({ name: `Olaf Bleibt ${t}`, visibility: { name: VISIBILITY.public } });
    const member = await createUser();
    const coordinator = await createUser({ role: "coordinator" });
    const category = await createCategory("public");
    const word = `Abschied${t}`;
    const { thread } = await createThread({
      authorId: erika.id,
      categoryId: category.id,
      title: "Vorstellung",
      body: `Ich bin neu ${word}`,
    });
    const replies = [
      `Danke @${erika.name} und @${olaf.name}, ${word}`,
      `${quoteMarkdown({ id: erika.id, name: erika.name! }, `Frage an @${erika.name}`)}Stimmt ${word}`,
      `> **${erika.name}:**\n> Ich bin neu\n\nWillkommen ${word}`,
    ];
    const postIds: number[] = [];
    for (const body of replies)
      postIds.push((await createReply({ authorId: olaf.id, threadId: thread.id, body })).postId);
    // An earlier version that names her, and a current one that does too.
    await editPost({ postId: postIds[0]!, editorId: olaf.id, body: `Danke nochmal @${erika.name}! ${word}` });

    await deleteOwnAccount({ userId: erika.id });

    const viewers: [string, ForumViewer, string | undefined][] = [
      ["visitor", null, undefined],
      ["member", { id: member.id, role: "member" }, await createSession(member.id)],
      ["coordinator", { id: coordinator.id, role: "coordinator" }, await createSession(coordinator.id)],
    ];
    for (const [who, viewer, session] of viewers) {
      const posts = (await listThreadPosts({ viewer, threadId: thread.id, page: 1 })).slice(1);
      expect(posts, who).toHaveLength(3);
      for (const post of posts) {
        expect(post.bodyHtml, who).not.toContain(erika.name);
        expect(post.bodyHtml, who).not.toContain(`/members/${erika.id}`);
        expect(post.bodyHtml, who).toContain(LABEL);
        expect(post.body, who).not.toContain(erika.name);
      }
      expect(posts[0]!.bodyHtml, who).toContain(`@${LABEL}!`);
      expect(posts[1]!.bodyHtml, who).toContain(`<strong>${LABEL}:</strong>`);
      expect(posts[2]!.bodyHtml, who).toContain(`<strong>${LABEL}:</strong>`);

      // The versions are for members (a visitor is sent to sign in).
      const history = await actAs(session, () => loadPostHistory(String(postIds[0])));
      if (!session) expect(history, who).toMatch(/^redirected:\/login/);
      else
        expect(history, who).toMatchObject({
          post: { body: `Danke nochmal @${LABEL}! ${word}` },
          revisions: [{ body: `Danke @${LABEL} und @${olaf.name}, ${word}` }],
        });

      // The text a reply quotes or its author edits, too.
      const quoted = await getPost({ viewer, postId: postIds[1]! });
      expect(quoted?.body, who).not.toContain(erika.name);

      const found = await searchPosts({ viewer, query: word });
      expect(found.hits, who).toHaveLength(4);
      for (const hit of found.hits) expect(hit.snippet, who).not.toContain(erika.name);
      expect((await searchPosts({ viewer, query: `"${erika.name}"` })).hits, who).toEqual([]);
      expect((await searchPosts({ viewer, query: `Loesch ${t}` })).hits, who).toEqual([]);
    }
  });

  it("is gone also where she was mentioned under an earlier name", async () => {
    const t = tag();
    const erika = await createMember({ name: `Erika Frueher ${t}`, visibility: { name: VISIBILITY.public } });
    const olaf = await createMember({ name: `Olaf Schreibt ${t}` });
    const category = await createCategory("public");
    const { thread } = await createThread({
      authorId: olaf.id,
      categoryId: category.id,
      title: "Hallo",
      body: `Willkommen @${erika.name}`,
    });
    await (await getDb())
      .update(users)
      .set({ name: `Erika Spaeter ${t}` })
      .where(eq(users.id, erika.id));

    await deleteOwnAccount({ userId: erika.id });

    const [post] = await listThreadPosts({ viewer: null, threadId: thread.id, page: 1 });
    expect(post!.bodyHtml).toBe(`<p>Willkommen @${LABEL}</p>\n`);
    expect(post!.body).toBe(`Willkommen @${LABEL}`);
    expect((await searchPosts({ viewer: null, query: `Frueher ${t}` })).hits).toEqual([]);
  });
});
