import { describe, expect, it } from "vitest";
import { slugify } from "./utils";

describe("slugify", () => {
  it("spells umlauts out and joins words with dashes", () => {
    expect(slugify("Caritas Zeitz – Migrationsberatung für Familien")).toBe(
      "caritas-zeitz-migrationsberatung-fuer-familien",
    );
    expect(slugify("Weißenfelser Straße")).toBe("weissenfelser-strasse");
  });
  it("drops scripts it cannot spell in latin letters", () => {
    expect(slugify("جمعية الجسر")).toBe("");
  });
});
