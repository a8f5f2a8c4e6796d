import { describe, expect, it } from "vitest";
import { decisionFits, decisionsFor } from "./utils";

describe("decisionsFor", () => {
  it("offers restoring only what is hidden, and hiding only what is visible", () => {
    expect(decisionsFor("visible")).toEqual(["hide", "delete", "dismiss"]);
    expect(decisionsFor("hidden")).toEqual(["restore", "delete", "dismiss"]);
    expect(decisionsFor("deleted")).toEqual(["dismiss"]);
    expect(decisionsFor("authorDeleted")).toEqual(["dismiss"]);
  });
  it("offers every decision where the state is unknown (a subject that is gone)", () => {
    expect(decisionsFor(null)).toEqual(["hide", "restore", "delete", "dismiss"]);
  });
  it("lets through exactly the decisions it offers", () => {
    expect(decisionFits("hidden", "restore")).toBe(true);
    expect(decisionFits("deleted", "restore")).toBe(false);
    expect(decisionFits("authorDeleted", "hide")).toBe(false);
    expect(decisionFits("visible", "restore")).toBe(false);
    expect(decisionFits("deleted", "dismiss")).toBe(true);
  });
});
