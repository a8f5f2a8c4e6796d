import { describe, expect, it } from "vitest";
import { namespaceTranslator, translatorFor } from "./translator";

describe("shared translators", () => {
  it("keep each language's compiled messages apart", () => {
    // The same message compiled for German first must not answer for Ukrainian or Arabic later.
    expect(namespaceTranslator("de", "forum")("replies", { count: 3 })).toBe("3 Antworten");
    expect(namespaceTranslator("uk", "forum")("replies", { count: 3 })).toBe("3 відповіді");
    expect(namespaceTranslator("ar", "forum")("replies", { count: 2 })).toBe("ردان");
    expect(namespaceTranslator("de", "forum")("replies", { count: 1 })).toBe("1 Antwort");
  });

  it("give the same answers by full key and by namespace, from one translator per language and namespace", () => {
    expect(translatorFor("en")("forum.edited", { count: 2 })).toBe("edited 2 times");
    expect(namespaceTranslator("en", "forum")("edited", { count: 2 })).toBe("edited 2 times");
    expect(namespaceTranslator("en", "forum")).toBe(namespaceTranslator("en", "forum"));
  });
});
