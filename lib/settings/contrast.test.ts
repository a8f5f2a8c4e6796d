import { describe, expect, it } from "vitest";
import { brandContrast, contrastRatio, meetsAA } from "./contrast";

describe("WCAG contrast", () => {
  it("gives the textbook ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // #767676 on white is the classic just-passing grey (4.54:1)
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("is symmetric", () => {
    expect(contrastRatio("#0b5394", "#fafafa")).toBeCloseTo(contrastRatio("#fafafa", "#0b5394"), 10);
  });

  it("accepts the default blue and dark colours, refuses light ones", () => {
    expect(meetsAA("#0b5394")).toBe(true);
    expect(meetsAA("#073763")).toBe(true);
    expect(meetsAA("#ffcc00")).toBe(false);
    expect(meetsAA("#777777")).toBe(false); // 4.48:1, just below the limit even on white
  });

  it("checks the worst background and never rounds up past the limit", () => {
    // #767676 passes on pure white but falls below 4.5:1 on the #fafafa page
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(brandContrast("#767676")).toBeLessThan(4.5);
    expect(meetsAA("#767676")).toBe(false);
  });
});
