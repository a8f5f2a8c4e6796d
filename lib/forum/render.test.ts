import { describe, expect, it } from "vitest";
import { renderPost, withholdNames, withholdNamesInMarkdown, withholdNamesInText } from "./render";
import { quoteMarkdown } from "./utils";

const label = "Mitglied des Netzwerks";
const amal = { id: "u-amal", name: "Amal Verborgen", threads: [7] };
const olaf = { id: "u-olaf", name: "Olaf Offen" };

describe("names withheld in a post's text", () => {
  it("shows a mention of a withheld member as the label, without the link, and leaves others", () => {
    const html = renderPost("Danke @Amal Verborgen und @Olaf Offen!", [amal, olaf]);
    const shown = withholdNames(html, [amal], label, 7);
    expect(shown).toBe(`<p>Danke @${label} und <a href="/members/u-olaf">@Olaf Offen</a>!</p>\n`);
    expect(withholdNames(html, [], label, 7)).toBe(html);
    const alike = { id: "u-anna", name: "Anna Berg-Schulz" };
    const others = renderPost("@Anna Berg-Schulz und @O'Neill Ruf & @Anna Berg", [alike]);
    expect(
      withholdNames(
        others,
        [
          { id: "u-anna2", name: "Anna Berg", threads: [] },
          { id: "u-o", name: "O'Neill Ruf", threads: [] },
        ],
        label,
        7,
      ),
    ).toBe(`<p><a href="/members/u-anna">@Anna Berg-Schulz</a> und @${label} &amp; @${label}</p>\n`);
  });

  it("shows a quote's linked author, an older quote header of a thread author and a quoted @name as the label", () => {
    const linked = renderPost(`${quoteMarkdown(amal, "Frage an @Amal Verborgen")}Ja`);
    expect(withholdNames(linked, [amal], label, 7)).toBe(
      `<blockquote>\n<p><strong>${label}:</strong><br />Frage an @${label}</p>\n</blockquote>\n<p>Ja</p>\n`,
    );
    const older = renderPost("> **Amal Verborgen:**\n> Hallo\n\nJa, **Amal Verborgen:** schrieb das");
    expect(withholdNames(older, [amal], label, 7)).toBe(
      `<blockquote>\n<p><strong>${label}:</strong><br />Hallo</p>\n</blockquote>\n<p>Ja, <strong>Amal Verborgen:</strong> schrieb das</p>\n`,
    );
    // Not an author of this thread: an older header may be anyone's words, and stays.
    expect(withholdNames(older, [amal], label, 8)).toContain("<strong>Amal Verborgen:</strong><br />");
  });

  it("replaces a name in a search snippet also where the search marked its words", () => {
    expect(withholdNamesInText("Danke @[[[mark]]]Amal[[[/mark]]] Verborgen!", [amal.name], label)).toBe(
      `Danke @[[[mark]]][[[/mark]]]${label}!`,
    );
    expect(withholdNamesInText("amal verborgen: [[[mark]]]Kurs[[[/mark]]]", [amal.name], label)).toBe(
      `${label}: [[[mark]]]Kurs[[[/mark]]]`,
    );
    expect(withholdNamesInText("Amal Verborgenheit", [amal.name], label)).toBe("Amal Verborgenheit");
  });

  it("replaces a name in a post's Markdown: quote links, an older quote header of a thread author and @mentions", () => {
    const body = `${quoteMarkdown(amal, "Frage an @Amal Verborgen")}Danke @amal verborgen und @Olaf Offen, [@x](/members/u-amal)`;
    expect(withholdNamesInMarkdown(body, [amal], label, 7)).toBe(
      `> **${label}:**\n> Frage an @${label}\n\nDanke @${label} und @Olaf Offen, @${label}`,
    );
    const older = "> **Amal Verborgen:**\n> Hallo\n\nJa, **Amal Verborgen:** schrieb das";
    expect(withholdNamesInMarkdown(older, [amal], label, 7)).toBe(
      `> **${label}:**\n> Hallo\n\nJa, **Amal Verborgen:** schrieb das`,
    );
    expect(withholdNamesInMarkdown(older, [amal], label, 8)).toBe(older);
    expect(withholdNamesInMarkdown("@Amal Verborgenheit", [amal], label, 7)).toBe("@Amal Verborgenheit");
    // Someone else whose name begins like hers keeps their mention.
    const anna = { id: "u-anna", name: "Anna Berg", threads: [] };
    expect(
      withholdNamesInMarkdown("@anna berg schulz und @Anna Berg", [anna], label, 7, ["@Anna Berg Schulz"]),
    ).toBe(`@anna berg schulz und @${label}`);
  });
});
