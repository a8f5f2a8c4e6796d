import { describe, expect, it } from "vitest";
import { VISIBILITY } from "@/db/schema";
import { canSee, viewerLevel } from "./visibility";

const member = { id: "m1", status: "approved" };

describe("viewerLevel", () => {
  it("gives visitors and applicants public fields only", () => {
    expect(viewerLevel(null, "x")).toBe(VISIBILITY.public);
    expect(viewerLevel({ id: "a", status: "pending" }, "x")).toBe(VISIBILITY.public);
  });
  it("gives members the members-only fields of others, and everything of their own", () => {
    expect(viewerLevel(member, "other")).toBe(VISIBILITY.members);
    expect(viewerLevel(member, "m1")).toBe(VISIBILITY.hidden);
  });
});

describe("canSee", () => {
  it("hides a hidden field from every other member", () => {
    expect(canSee(VISIBILITY.hidden, VISIBILITY.members)).toBe(false);
    expect(canSee(VISIBILITY.members, VISIBILITY.members)).toBe(true);
    expect(canSee(VISIBILITY.members, VISIBILITY.public)).toBe(false);
  });
});
