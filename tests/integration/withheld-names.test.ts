import { describe, expect, it, vi } from "vitest";
import { VISIBILITY } from "@/db/schema";
import { toEventViewer } from "@/lib/events/access";
import { getEventDetail } from "@/lib/events/data";
import { currentOrganiserOption } from "@/lib/events/editor-data";
import { eventIcsResponse, publicFeedResponse } from "@/lib/events/feeds";
import { listEvents } from "@/lib/events/list-data";
import { listCategoryThreads, listLatestThreads } from "@/lib/forum/data";
import { loadPostHistory } from "@/lib/forum/loaders";
import { createReply, createThread, editPost } from "@/lib/forum/mutations";
import { listThreadPosts } from "@/lib/forum/post-data";
import { quoteMarkdown } from "@/lib/forum/utils";
import type { ForumViewer } from "@/lib/forum/visibility";
import { getContentVersions } from "@/lib/page-cache/data";
import { deleteOwnAccount } from "@/lib/privacy/mutations";
import { updateProfile } from "@/lib/profile/mutations";
import { ProfileInput } from "@/lib/profile/schema";
import { searchPosts } from "@/lib/search/data";
import { actAs } from "../support/actions";
import { createTestEvent } from "../support/event-factories";
import { createMember, createUser, profileForm } from "../support/factories";
import { createCategory } from "../support/forum-factories";

vi.mock("@/lib/i18n/server", () => ({ getRequestLocale: async () => "de" }));

/** These rows, in any order. */
const sameAs = (...rows: unknown[][]) =>
  expect.toSatisfy(
    (got: unknown[][]) => got.length === rows.length && expect.arrayContaining(rows).asymmetricMatch(got),
  );
const tag = () =>
  crypto
    .randomUUID()
    .replace(/[^a-f]/g, "")
    .slice(0, 6);

/** A member who keeps her name to members, one who shows it to everyone, and a member reading. */
async function people() {
  const t = tag();
  const hidden = await createMember({
    name: `Amal Verborgen ${t}`,
    visibility: { name: VISIBILITY.members },
  });
  const open = await createMember({ name: `Olaf Offen ${t}`, visibility: { name: VISIBILITY.public } });
  const reader = await createUser();
  const member: ForumViewer = { id: reader.id, role: "member" };
  return { hidden, open, member, eventMember: toEventViewer(reader) };
}

describe("names kept to members", () => {
  it("are withheld from visitors in the forum's threads, posts and search, and shown to members", async () => {
    const { hidden, open, member } = await people();
    const category = await createCategory("public");
    const word = `Zauberwort${tag()}`;
    const { thread } = await createThread({
      authorId: hidden.id,
      categoryId: category.id,
      title: "Willkommen",
      body: `Hallo ${word}`,
    });
    await createThread({ authorId: open.id, categoryId: category.id, title: "Offen", body: `Auch ${word}` });

    const authors = async (viewer: ForumViewer) =>
      (await listCategoryThreads({ viewer, categoryId: category.id })).threads.map((th) => [
        th.authorName,
        th.authorWithheld,
      ]);
    expect(await authors(null)).toEqual(sameAs([open.name, false], [null, true]));
    expect(await authors(member)).toEqual(sameAs([hidden.name, false], [open.name, false]));
    const latest = (await listLatestThreads({ viewer: null })).threads.find((th) => th.id === thread.id);
    expect(latest).toMatchObject({ authorName: null, authorWithheld: true });

    const [visitorPost] = await listThreadPosts({ viewer: null, threadId: thread.id, page: 1 });
    expect(visitorPost).toMatchObject({ authorName: null, authorWithheld: true });
    const [memberPost] = await listThreadPosts({ viewer: member, threadId: thread.id, page: 1 });
    expect(memberPost).toMatchObject({ authorName: hidden.name, authorWithheld: false });

    const hits = async (viewer: ForumViewer, author?: string) =>
      (await searchPosts({ viewer, query: word, author })).hits.map((h) => [h.authorName, h.authorWithheld]);
    expect(await hits(null)).toEqual(sameAs([open.name, false], [null, true]));
    // Searching by the withheld name would tell a visitor who wrote: it finds nothing for them.
    expect(await hits(null, "Amal Verborgen")).toEqual([]);
    expect(await hits(member, "Amal Verborgen")).toEqual([[hidden.name, false]]);
  });

  it("are withheld from visitors where posts mention or quote them, and shown to members", async () => {
    const { hidden, open, member } = await people();
    const category = await createCategory("public");
    const word = `Erwaehnung${tag()}`;
    const { thread } = await createThread({
      authorId: hidden.id,
      categoryId: category.id,
      title: "Vorstellung",
      body: `Ich bin neu ${word}`,
    });
    const quoted = { id: hidden.id, name: hidden.name! };
    const replies = [
      // A mention, linked to her profile when saved.
      `Danke @${hidden.name} und @${open.name}, ${word}`,
      // "Zitieren": her name as the quote's author, and a mention of her inside the quoted text.
      `${quoteMarkdown(quoted, `Frage an @${hidden.name}`)}Stimmt ${word}`,
      // A quote as "Zitieren" wrote them before they linked the author.
      `> **${hidden.name}:**\n> Ich bin neu\n\nWillkommen ${word}`,
    ];
    const postIds: number[] = [];
    for (const body of replies)
      postIds.push((await createReply({ authorId: open.id, threadId: thread.id, body })).postId);

    const bodies = async (viewer: ForumViewer, locale?: "en") =>
      (await listThreadPosts({ viewer, threadId: thread.id, page: 1, locale }))
        .slice(1)
        .map((p) => p.bodyHtml!);
    const forVisitors = await bodies(null);
    for (const html of forVisitors) {
      expect(html).toContain("Mitglied des Netzwerks");
      expect(html).not.toContain(hidden.name);
      expect(html).not.toContain(`/members/${hidden.id}`);
    }
    expect(forVisitors[0]).toContain("@Mitglied des Netzwerks");
    expect(forVisitors[0]).toContain(`<a href="/members/${open.id}">@${open.name}</a>`);
    expect((await bodies(null, "en"))[0]).toContain("@Network member");
    const forMembers = await bodies(member);
    for (const html of forMembers) expect(html).toContain(hidden.name);
    expect(forMembers[0]).toContain(`<a href="/members/${hidden.id}">@${hidden.name}</a>`);
    expect(forMembers[1]).toContain(`<a href="/members/${hidden.id}">${hidden.name}</a>`);

    const snippets = async (viewer: ForumViewer) =>
      (await searchPosts({ viewer, query: word })).hits.map((h) => h.snippet);
    const visitorSnippets = await snippets(null);
    expect(visitorSnippets).toHaveLength(4);
    for (const snippet of visitorSnippets) expect(snippet).not.toContain(hidden.name);
    expect(visitorSnippets.filter((s) => s.includes("Mitglied des Netzwerks"))).toHaveLength(3);
    expect((await snippets(member)).filter((s) => s.includes(hidden.name!))).toHaveLength(3);

    // The post's versions are for members only: a visitor is sent to sign in and reads no name there.
    await editPost({ postId: postIds[0]!, editorId: open.id, body: `Danke @${hidden.name}!` });
    expect(await actAs(undefined, () => loadPostHistory(String(postIds[0])))).toMatch(/^redirected:\/login/);

    // Her choice counts as she makes it, for posts written before.
    const data = ProfileInput.parse(profileForm(hidden.name, "0", { visName: String(VISIBILITY.public) }));
    await updateProfile({ userId: hidden.id, data });
    for (const html of await bodies(null)) expect(html).toContain(hidden.name);
  });

  it("do not let a visitor's search find posts by them, while members find them", async () => {
    const { hidden, open, member } = await people();
    const category = await createCategory("public");
    const word = `Treffen${tag()}`;
    const { thread } = await createThread({
      authorId: hidden.id,
      categoryId: category.id,
      title: "Kennenlernen",
      body: "Ich bin neu hier",
    });
    const quoted = { id: hidden.id, name: hidden.name! };
    const bodies = [
      `Danke @${hidden.name} für alles`,
      `${quoteMarkdown(quoted, "Ich bin neu hier")}Herzlich willkommen`,
      `> **${hidden.name}:**\n> Ich bin neu hier\n\nSchön`,
      `@${hidden.name} kommt zum ${word}`,
      `@${open.name} kommt auch`,
    ];
    const ids: number[] = [];
    for (const body of bodies)
      ids.push((await createReply({ authorId: open.id, threadId: thread.id, body })).postId);
    const found = async (viewer: ForumViewer, query: string) =>
      (await searchPosts({ viewer, query })).hits
        .map((h) => h.postId)
        .filter((id) => ids.includes(id))
        .sort();
    const [first, second, third, fourth, fifth] = ids;

    // Her name alone, or a word of it, finds nothing for a visitor: the posts only name her.
    expect(await found(null, `"${hidden.name}"`)).toEqual([]);
    expect(await found(null, "Verborgen")).toEqual([]);
    expect(await found(member, `"${hidden.name}"`)).toEqual([first, second, third, fourth].sort());
    // With another word a post has, it is found by that word; with a word it lacks, not at all.
    expect(await found(null, word)).toEqual([fourth]);
    expect(await found(null, `${hidden.name} ${word}`)).toEqual([]);
    expect(await found(member, `${hidden.name} ${word}`)).toEqual([fourth]);
    // A name visitors may see is found as before.
    expect(await found(null, `"${open.name}"`)).toEqual([fifth]);
  });

  it("are withheld from visitors as an event's organiser, in the list, the page and the calendars", async () => {
    const { hidden, open, eventMember } = await people();
    const { eventId, occurrences } = await createTestEvent(hidden.id, { organiserUserId: hidden.id });
    const other = await createTestEvent(open.id, { organiserUserId: open.id });
    const from = { when: "upcoming" as const };
    const listed = async (viewer: typeof eventMember, id: string) =>
      (await listEvents({ viewer, filters: from, limit: 1000 })).items.find((i) => i.eventId === id);

    expect(await listed(null, eventId)).toMatchObject({ organiser: null, organiserWithheld: true });
    expect(await listed(eventMember, eventId)).toMatchObject({
      organiser: hidden.name,
      organiserWithheld: false,
    });
    expect(await listed(null, other.eventId)).toMatchObject({
      organiser: open.name,
      organiserWithheld: false,
    });

    const slotDate = occurrences[0]!.slotDate;
    expect(await getEventDetail({ eventId, viewer: null, slotDate })).toMatchObject({
      organiser: null,
      organiserWithheld: true,
    });
    expect(await getEventDetail({ eventId, viewer: eventMember, slotDate })).toMatchObject({
      organiser: hidden.name,
      organiserWithheld: false,
    });

    const feed = await (await publicFeedResponse()).text();
    const ics = await (await eventIcsResponse(eventId, null, "de")).text();
    for (const calendar of [feed, ics]) expect(calendar).not.toContain("Amal Verborgen");
  });

  it("leave visitors' cached forum pages when a member keeps her name to members", async () => {
    const { open } = await people();
    const version = async () => (await getContentVersions()).forum ?? 1;
    const before = await version();
    const data = ProfileInput.parse(profileForm(open.name, "0", { visName: String(VISIBILITY.members) }));
    await updateProfile({ userId: open.id, data });
    expect(await version()).toBeGreaterThan(before);
  });

  it("label an erased organiser as a former member on the coordinator's edit form", async () => {
    const { hidden } = await people();
    const coordinator = await createUser({ role: "coordinator" });
    await createTestEvent(coordinator.id, { organiserUserId: hidden.id });
    await deleteOwnAccount({ userId: hidden.id });
    expect(
      await currentOrganiserOption({ organiserUserId: hidden.id }, coordinator.id, "Ehemaliges Mitglied"),
    ).toEqual({ value: `user:${hidden.id}`, label: "Ehemaliges Mitglied" });
  });
});
