import { describe, expect, it } from "vitest";
import { loadNewConversation } from "@/lib/messages/loaders";
import { signedInAs } from "../support/actions";
import { createMember } from "../support/factories";

/** Letters only, unique to this run: a surname the search finds nobody else by. */
const surname = () =>
  `Quorx${Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => String.fromCharCode(97 + (b % 26))).join("")}`;

describe("the recipient search of a new message", () => {
  it("shows ten people besides the writer and those chosen, and says when there are more", async () => {
    const family = surname();
    const people = [];
    for (let i = 0; i < 12; i++) people.push(await createMember({ name: `Kim ${family} ${i}` }));
    const [writer, chosen] = [people[0]!, people[1]!];

    const page = await signedInAs(writer.id, () => loadNewConversation({ q: family, to: chosen.id }));
    expect(page.results).toHaveLength(10);
    expect(page.results.map((m) => m.id)).not.toContain(writer.id);
    expect(page.results.map((m) => m.id)).not.toContain(chosen.id);
    expect(page.more).toBe(false);

    await createMember({ name: `Kim ${family} 12` });
    const grown = await signedInAs(writer.id, () => loadNewConversation({ q: family, to: chosen.id }));
    expect(grown.results).toHaveLength(10);
    expect(grown.more).toBe(true);
  });
});
