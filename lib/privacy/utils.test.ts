import { describe, expect, it } from "vitest";
import { safeNextPath } from "./utils";

describe("safeNextPath", () => {
  it("keeps local paths", () => {
    expect(safeNextPath("/forum/t/12?page=2")).toBe("/forum/t/12?page=2");
  });
  it("sends anything else home", () => {
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "",
      null,
      undefined,
      "/settings/privacy/accept",
    ])
      expect(safeNextPath(bad)).toBe("/home");
  });
});
