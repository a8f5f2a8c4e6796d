import { describe, expect, it } from "vitest";
import {
  mentionCandidates,
  numberRange,
  pageOfNumber,
  pageWindow,
  parseReactionValue,
  plainQuoteAuthors,
  quoteMarkdown,
  REACTIONS,
  reactionValue,
  slugify,
} from "./utils";

describe("forum utils", () => {
  it("puts post numbers on pages of twenty", () => {
    expect(pageOfNumber(1)).toBe(1);
    expect(pageOfNumber(20)).toBe(1);
    expect(pageOfNumber(21)).toBe(2);
    expect(pageOfNumber(10_000)).toBe(500);
    expect(numberRange(500)).toEqual({ after: 9980, upTo: 10_000 });
  });

  it("shows first, last and nearby pages with gaps", () => {
    expect(pageWindow(50, 500)).toEqual([1, null, 48, 49, 50, 51, 52, null, 500]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
  });

  it("makes readable slugs from German titles", () => {
    expect(slugify("Wohnungssuche in Zeitz: Erfahrungen?")).toBe("wohnungssuche-in-zeitz-erfahrungen");
    expect(slugify("Größe & Übungen")).toBe("groesse-uebungen");
    expect(slugify("!!!")).toBe("thema");
  });

  it("finds mention candidates, longest first, outside code and quoted lines", () => {
    expect(mentionCandidates("Hallo @Mariam Saleh, danke!")).toEqual([["mariam saleh", "mariam"]]);
    expect(mentionCandidates("@Olena hilft gern")).toEqual([["olena hilft gern", "olena hilft", "olena"]]);
    expect(mentionCandidates("@Mohammed Abdel Rahman Saleh, danke")).toEqual([
      ["mohammed abdel rahman saleh", "mohammed abdel rahman", "mohammed abdel", "mohammed"],
    ]);
    expect(mentionCandidates("@María de los Ángeles Gómez hilft")[0]?.[0]).toBe("maría de los ángeles gómez");
    // The typographic apostrophe phones write, and Arabic vowel signs, stay within the word.
    expect(mentionCandidates("Danke @Дар’я Коваль!")).toEqual([["дар’я коваль", "дар’я"]]);
    expect(mentionCandidates("@مُحَمَّد علي شكرا")[0]).toContain("مُحَمَّد علي");
    expect(mentionCandidates("`@code` und a@b.de")).toEqual([]);
    expect(mentionCandidates("> **Anna:**\n> Danke @Sabine Hoffmann\n\nStimmt, @Olena")).toEqual([["olena"]]);
  });

  it("finds mention candidates in quoted lines too when asked, for names to show as the reader may", () => {
    expect(mentionCandidates("> Danke @Sabine Hoffmann", { inQuotes: true })).toEqual([
      ["sabine hoffmann", "sabine"],
    ]);
  });

  it("quotes a post as Markdown, the author's name linked to their profile", () => {
    expect(quoteMarkdown({ id: "u1", name: "Anna [K]" }, "Zeile 1\nZeile 2")).toBe(
      "> **[Anna K](/members/u1):**\n> Zeile 1\n> Zeile 2\n\n",
    );
    expect(quoteMarkdown({ id: null, name: "Ehemaliges Mitglied" }, "Hallo")).toBe(
      "> **Ehemaliges Mitglied:**\n> Hallo\n\n",
    );
  });

  it("reads the authors of quotes in their older, unlinked form", () => {
    expect(
      plainQuoteAuthors("> **Anna Berg:**\n> Hallo\n\n> **[Olaf](/members/u2):**\n> x\n**Nein:** y"),
    ).toEqual(["anna berg"]);
  });

  it("carries post, emoji and whether to give or take back in one reaction button's value, and back", () => {
    for (const emoji of REACTIONS) {
      expect(parseReactionValue(reactionValue(10_011, emoji, true))).toEqual({
        postId: "10011",
        emoji,
        give: true,
      });
      expect(parseReactionValue(reactionValue(7, emoji, false))).toEqual({ postId: "7", emoji, give: false });
    }
    expect(parseReactionValue(null)).toMatchObject({ postId: undefined, emoji: undefined });
  });
});
