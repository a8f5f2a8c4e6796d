import { describe, expect, it } from "vitest";
import { slugify, translationStatus } from "./utils";

describe("translationStatus", () => {
  it("is missing without a translation, outdated after a German change, current otherwise", () => {
    expect(translationStatus(1, null)).toBe("missing");
    expect(translationStatus(2, { sourceVersion: 1 })).toBe("outdated");
    expect(translationStatus(2, { sourceVersion: 2 })).toBe("current");
  });
});

describe("slugify", () => {
  it("turns a German question into a readable anchor", () => {
    expect(slugify("Wie werde ich Mitglied? Kostet das Geld?")).toBe(
      "wie-werde-ich-mitglied-kostet-das-geld",
    );
    expect(slugify("Größe & Übersicht")).toBe("groesse-uebersicht");
    expect(slugify("كيف أصبح عضوا؟")).toBe("");
  });
});
