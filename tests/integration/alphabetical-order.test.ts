// Lists sorted by name read as a German reader looks names up ("Ärztehaus" among the A, "awo" beside
// "AWO"), not in the database's byte order (C collation), which put them after "Zukunft".
import { describe, expect, it } from "vitest";
import { listConversations } from "@/lib/messages/data";
import { startConversation } from "@/lib/messages/mutations";
import { listOrganisationOptions, listOrganisations } from "@/lib/organisations/data";
import { createOrganisation } from "../support/factories";
import { member } from "../support/messages-factories";

/** A word only this test's rows have, of letters (the organisations' search matches words). */
const marker = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => String.fromCharCode(97 + (b % 26))).join("");

const NAMES = ["Zukunftswerk", "Ärztehaus", "awo Kreisverband", "Beratungsstelle", "Öko-Garten"];
const ORDERED = ["Ärztehaus", "awo Kreisverband", "Beratungsstelle", "Öko-Garten", "Zukunftswerk"];

describe("lists sorted by name", () => {
  it("list organisations with umlauts and small letters in place, page after page", async () => {
    const word = marker();
    for (const name of NAMES) await createOrganisation({ name: `${name} ${word}` });
    const first = await listOrganisations({ q: word, limit: 2 });
    const second = await listOrganisations({ q: word, limit: 2, after: first.nextAfter! });
    const third = await listOrganisations({ q: word, limit: 2, after: second.nextAfter! });
    expect([first, second, third].flatMap((page) => page.organisations.map((o) => o.name))).toEqual(
      ORDERED.map((name) => `${name} ${word}`),
    );
    expect(third.nextAfter).toBeNull();

    const options = (await listOrganisationOptions()).filter((o) => o.name.endsWith(word));
    expect(options.map((o) => o.name)).toEqual(ORDERED.map((name) => `${name} ${word}`));
  });

  it("name a group conversation's people in that order", async () => {
    const word = marker();
    const people = [];
    for (const name of NAMES.slice(0, 4)) people.push(await member(`${name} ${word}`));
    const [me, ...others] = [await member("Ich"), ...people];
    await startConversation({
      senderId: me.id,
      recipientIds: others.map((o) => o.id),
      body: "Hallo",
      files: [],
    });
    const [conversation] = (await listConversations({ userId: me.id })).items;
    // member() adds a word of its own to each name, after this test's word.
    expect(conversation?.names.map((name) => name.split(" ").slice(0, -2).join(" "))).toEqual(
      ORDERED.filter((name) => name !== "Öko-Garten"),
    );
  });
});
