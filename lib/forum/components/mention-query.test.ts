import { describe, expect, it } from "vitest";
import { mentionCandidates } from "../utils";
import { activeMention, insertMention } from "./mention-query";

/** activeMention with the caret where "|" is. */
const at = (typed: string) => activeMention(typed.replace("|", ""), typed.indexOf("|"));

describe("the mention being typed", () => {
  it("is the text after @ up to the caret, from two letters on", () => {
    expect(at("Danke @Jö|")).toEqual({ start: 6, end: 9, query: "Jö" });
    expect(at("@J|")).toBeNull();
    expect(at("Danke @Jördis Sch|")).toMatchObject({ query: "Jördis Sch" });
    expect(at("@Jördis |")).toMatchObject({ query: "Jördis" });
  });

  it("takes in the rest of the word at the caret", () => {
    expect(at("Hallo @Jö|rdis, wie geht's?")).toEqual({ start: 6, end: 13, query: "Jö" });
  });

  it("takes in a typographic apostrophe (Ukrainian names as phones write them)", () => {
    expect(at("Привіт @Да|р’я")).toEqual({ start: 7, end: 13, query: "Да" });
    expect(at("@Дар’я Ко|")?.query).toBe("Дар’я Ко");
  });

  it("takes a name of up to five words", () => {
    expect(at("Danke @Mohammed Abdel Rahman Sa|")?.query).toBe("Mohammed Abdel Rahman Sa");
    expect(at("@María de los Ángeles Gó|")?.query).toBe("María de los Ángeles Gó");
  });

  it("is nothing inside a word, an e-mail address, a quote or code, or after five words", () => {
    expect(at("mail an info@verein|")).toBeNull();
    expect(at("> @Jördis|")).toBeNull();
    expect(at("`@Jördis|")).toBeNull();
    expect(at("```\n@Jördis|")).toBeNull();
    expect(at("@Anna Maria de los Santos Berg|")).toBeNull();
    expect(at("@Jördis, |")).toBeNull();
  });
});

describe("inserting a suggestion", () => {
  it("writes @Full Name as the post parser reads it, and puts the caret after it", () => {
    const text = "Danke @jör und gute Nacht";
    const mention = activeMention(text, 10)!;
    const result = insertMention(text, mention, "Jördis Müller-Schön");
    expect(result.text).toBe("Danke @Jördis Müller-Schön und gute Nacht");
    expect(result.text.slice(0, result.caret)).toBe("Danke @Jördis Müller-Schön ");
    expect(mentionCandidates(result.text)[0]).toContain("jördis müller-schön");
  });

  it("adds a space at the end of the text", () => {
    const result = insertMention("@an", activeMention("@an", 3)!, "Anna Berg");
    expect(result).toEqual({ text: "@Anna Berg ", caret: 11 });
  });
});
