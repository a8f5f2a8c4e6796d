import { describe, expect, it } from "vitest";
import { fileNameAsWords } from "./file-name";

describe("fileNameAsWords", () => {
  it("drops the extension and reads separators as spaces", () => {
    expect(fileNameAsWords("Wohnung_Zeitz-2.webp")).toBe("Wohnung Zeitz 2");
    expect(fileNameAsWords("plan.der.woche.pdf")).toBe("plan der woche");
  });

  it("keeps letters of any script", () => {
    expect(fileNameAsWords("صورة_المكتب.webp")).toBe("صورة المكتب");
  });

  it("keeps a name that is only an extension or separators", () => {
    expect(fileNameAsWords(".webp")).toBe(".webp");
    expect(fileNameAsWords("__.png")).toBe("__.png");
  });
});
