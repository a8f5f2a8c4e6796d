import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/forum/mentions/route";
import { getDb } from "@/db/client";
import { notifications, VISIBILITY } from "@/db/schema";
import type { MentionSuggestion } from "@/lib/forum/components/mention-query";
import { createThread } from "@/lib/forum/mutations";
import { createApplicant, createMember, createOrganisation, createSession } from "../support/factories";
import { createCategory, createGroup } from "../support/forum-factories";

const { public: PUBLIC, hidden: HIDDEN } = VISIBILITY;

/** A surname nobody else has, so a query finds only this test's people (the database is shared). */
const marker = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => String.fromCharCode(97 + (b % 26))).join("");

/** Where the composer is: a thread, or the category a new thread goes to. */
type Scope = { thread: number } | { category: string } | null;

let membersCategory: Scope = null;
beforeAll(async () => {
  membersCategory = { category: (await createCategory("members")).id };
});

/** What the composer asks for "@" + q, as the signed-in user (or a visitor), by default in a members' category. */
async function suggest(q: string, userId?: string, scope: Scope = membersCategory): Promise<Response> {
  const cookie = userId ? `authjs.session-token=${await createSession(userId)}` : "";
  const where = scope ? `&${new URLSearchParams(Object.entries(scope).map(([k, v]) => [k, String(v)]))}` : "";
  return GET(
    new Request(`http://localhost:3000/api/forum/mentions?q=${encodeURIComponent(q)}${where}`, {
      headers: { cookie },
    }),
  );
}

async function suggested(q: string, userId: string, scope?: Scope): Promise<MentionSuggestion[]> {
  const response = await suggest(q, userId, scope);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toContain("no-store");
  return (await response.json()).members;
}

describe("mention suggestions in the forum's composer", () => {
  it("suggests approved members by name, umlaut- and typo-tolerantly, names that start so first", async () => {
    const word = marker();
    const viewer = await createMember({ name: `Leser ${marker()}` });
    const jordis = await createMember({ name: `Jördis ${word}` });
    const marjorie = await createMember({ name: `Marjorie ${word}` });
    const found = await suggested(`Jordis ${word.slice(0, 6)}`, viewer.id);
    expect(found.map((m) => m.name)).toEqual([`Jördis ${word}`]);
    expect((await suggested(`Jördsi ${word}`, viewer.id)).map((m) => m.id)).toEqual([jordis.id]);
    expect((await suggested(`${word.slice(0, 4)} jo`, viewer.id)).map((m) => m.id)).toEqual([
      jordis.id,
      marjorie.id,
    ]);
  });

  it("never offers the asker their own name, only the others who share it", async () => {
    const word = marker();
    const asker = await createMember({ name: `Nadia ${word}` });
    const other = await createMember({ name: `Nadja ${word}` });
    expect((await suggested(word, asker.id)).map((m) => m.id)).toEqual([other.id]);
    expect((await suggested(word, other.id)).map((m) => m.id)).toEqual([asker.id]);
  });

  it("never suggests a member whose name is hidden from members, nor an applicant", async () => {
    const word = marker();
    const viewer = await createMember({ name: `Leser ${marker()}` });
    const shown = await createMember({ name: `Amira ${word}`, visibility: { name: PUBLIC } });
    await createMember({ name: `Amira ${word}`, visibility: { name: HIDDEN } });
    await createMember({ name: `Amira ${word}`, status: "pending" });
    expect((await suggested(word, viewer.id)).map((m) => m.id)).toEqual([shown.id]);
  });

  it("shows function and organisation only where the member lets members see them", async () => {
    const word = marker();
    const viewer = await createMember({ name: `Leser ${marker()}` });
    const org = await createOrganisation({ name: `Verein ${word}` });
    await createMember({
      name: `Olena ${word}`,
      profile: { jobFunction: "Sozialarbeiterin", organisationId: org.id },
    });
    await createMember({
      name: `Oleh ${word}`,
      profile: { jobFunction: "Geheimagent", organisationId: org.id },
      visibility: { jobFunction: HIDDEN, organisation: HIDDEN },
    });
    const found = await suggested(`Ole ${word}`, viewer.id);
    expect(found.map((m) => [m.name, m.detail])).toEqual([
      [`Oleh ${word}`, ""],
      [`Olena ${word}`, `Sozialarbeiterin, Verein ${word}`],
    ]);
    expect(JSON.stringify(found)).not.toContain("Geheimagent");
  });

  it("offers at most eight, only names '@Name' links to, and nothing for fewer than two letters", async () => {
    const word = marker();
    const viewer = await createMember({ name: `Leser ${marker()}` });
    for (let i = 0; i < 10; i++) await createMember({ name: `Anna ${word}` });
    await createMember({ name: `Anna Maria de los Santos ${word}` });
    const found = await suggested(word, viewer.id);
    expect(found).toHaveLength(8);
    expect(found.every((m) => m.name === `Anna ${word}`)).toBe(true);
    expect(await suggested("A", viewer.id)).toEqual([]);
  });

  it("offers members whose names have four or five parts or a typographic apostrophe; mentioned, they are told", async () => {
    const word = marker();
    const viewer = await createMember({ name: `Leser ${marker()}` });
    const mohammed = await createMember({ name: `Mohammed Abdel Rahman ${word}` });
    const maria = await createMember({ name: `María de los Ángeles ${word}` });
    const darya = await createMember({ name: `Дар’я ${word}` });
    const found = await suggested(word, viewer.id);
    expect(found.map((m) => m.id).sort()).toEqual([mohammed.id, maria.id, darya.id].sort());

    const category = await createCategory("members");
    await createThread({
      authorId: viewer.id,
      categoryId: category.id,
      title: `Beratung ${word}`,
      body: `Danke @Mohammed Abdel Rahman ${word}, @María de los Ángeles ${word} und @Дар’я ${word}!`,
    });
    const db = await getDb();
    const told = await db
      .select({ recipientId: notifications.recipientId })
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, "mention"),
          inArray(notifications.recipientId, [mohammed.id, maria.id, darya.id]),
        ),
      );
    expect(told.map((n) => n.recipientId).sort()).toEqual([mohammed.id, maria.id, darya.id].sort());
  });

  it("refuses visitors (401) and applicants (404)", async () => {
    const word = marker();
    await createMember({ name: `Amira ${word}` });
    const visitor = await suggest(word);
    expect(visitor.status).toBe(401);
    expect(await visitor.text()).not.toContain(word);
    const applicant = await createApplicant();
    const refused = await suggest(word, applicant.userId);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain(word);
  });

  it("in a working group's category offers only who may read it, and refuses a category or thread the asker cannot read", async () => {
    const word = marker();
    const asker = await createMember({ name: `Greta ${word}` });
    const colleague = await createMember({ name: `Gerd ${word}` });
    const outsider = await createMember({ name: `Gisela ${word}` });
    const coordinator = await createMember({ role: "coordinator", name: `Gunda ${word}` });
    const group = await createGroup([asker.id, colleague.id]);
    const category = await createCategory("group", group.id);
    const { thread } = await createThread({
      authorId: asker.id,
      categoryId: category.id,
      title: "Nur für den Arbeitskreis",
      body: "Intern",
    });
    for (const scope of [{ category: category.id }, { thread: thread.id }]) {
      const ids = (await suggested(word, asker.id, scope)).map((m) => m.id);
      expect(ids).toContain(colleague.id);
      expect(ids).toContain(coordinator.id);
      expect(ids).not.toContain(outsider.id);
    }
    // Everyone may read a members' category.
    expect((await suggested(word, asker.id)).map((m) => m.id)).toContain(outsider.id);

    for (const scope of [{ category: category.id }, { thread: thread.id }]) {
      const refused = await suggest(word, outsider.id, scope);
      expect(refused.status).toBe(404);
      expect(await refused.text()).not.toContain(word);
    }
    const unscoped = await suggest(word, asker.id, null);
    expect(unscoped.status).toBe(400);
    expect(await unscoped.text()).not.toContain(word);
  });
});
