import { describe, expect, it } from "vitest";
import { statusAfterUnblock } from "./utils";

describe("statusAfterUnblock", () => {
  it("gives back the status kept at blocking", () => {
    const approvedAt = new Date();
    expect(statusAfterUnblock({ statusBeforeBlock: "pending", approvedAt: null })).toBe("pending");
    expect(statusAfterUnblock({ statusBeforeBlock: "rejected", approvedAt })).toBe("rejected");
    expect(statusAfterUnblock({ statusBeforeBlock: "approved", approvedAt })).toBe("approved");
  });

  it("without a kept status, only someone once approved becomes a member", () => {
    expect(statusAfterUnblock({ statusBeforeBlock: null, approvedAt: new Date() })).toBe("approved");
    expect(statusAfterUnblock({ statusBeforeBlock: null, approvedAt: null })).toBe("pending");
  });
});
