import { describe, expect, it } from "vitest";
import { foldName } from "./search-fields";

describe("foldName", () => {
  it("folds umlauts, accents and ß so people find names they cannot type", () => {
    expect(foldName("Müller")).toBe("muller");
    expect(foldName("Jörg Weiß")).toBe("jorg weiss");
    expect(foldName("Natalia Wiśniewska")).toBe("natalia wisniewska");
    expect(foldName("Mustafa Yılmaz")).toBe("mustafa yilmaz");
  });
  it("leaves Arabic and Cyrillic names searchable as written", () => {
    expect(foldName("Олена Коваленко")).toBe("олена коваленко");
    expect(foldName("عمر حداد")).toBe("عمر حداد");
  });
});
