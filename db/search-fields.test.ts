import { describe, expect, it } from "vitest";
import { foldName } from "./folding";
import { latinSpellings } from "./search-fields";

describe("foldName", () => {
  it("folds umlauts, accents and ß so people find names they cannot type", () => {
    expect(foldName("Müller")).toBe("muller");
    expect(foldName("Jörg Weiß")).toBe("jorg weiss");
    expect(foldName("Natalia Wiśniewska")).toBe("natalia wisniewska");
    expect(foldName("Mustafa Yılmaz")).toBe("mustafa yilmaz");
    // Capitals too, which have no decomposition of their own: "Ł" folds as "ł" does.
    expect(foldName("Łukasz Đurić Øberg")).toBe("lukasz duric oberg");
    expect(foldName("Małgorzata Đorđević")).toBe("malgorzata dordevic");
    expect(foldName("İlhan ẞtraße")).toBe("ilhan sstrasse");
  });
  it("leaves Arabic and Cyrillic names searchable as written", () => {
    expect(foldName("Олена Коваленко")).toBe("олена коваленко");
    expect(foldName("عمر حداد")).toBe("عمر حداد");
  });
});

describe("latinSpellings", () => {
  it("writes a name typed in Cyrillic the way passports write it in Latin letters", () => {
    expect(latinSpellings("Шевченко")).toEqual(["shevchenko"]);
    expect(latinSpellings("Катерина")).toContain("kateryna");
    expect(latinSpellings("Юлія")).toContain("yuliia");
    expect(latinSpellings("Дмитро")).toContain("dmytro");
    expect(latinSpellings("Георгій")).toEqual(["heorhii", "georgii"]);
    for (const apostrophe of ["'", "ʼ", "’"]) expect(latinSpellings(`Дар${apostrophe}я`)).toContain("daria");
  });
  it("leaves words in other scripts alone", () => {
    expect(latinSpellings("Müller")).toEqual([]);
    expect(latinSpellings("حداد")).toEqual([]);
  });
});
