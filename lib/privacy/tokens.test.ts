import { describe, expect, it } from "vitest";
import { createDeletionToken, readDeletionToken, verifyDeletionToken } from "./tokens";

const user = { userId: "3c1f6a2e-0000-4000-8000-000000000001", email: "amal@example.org" };

describe("account deletion tokens", () => {
  it("belong to one account and address", () => {
    const token = createDeletionToken(user);
    expect(verifyDeletionToken(token, user.email)).toBe(user.userId);
    expect(verifyDeletionToken(token, "someone@example.org")).toBeNull();
  });

  it("expire after a day", () => {
    const now = new Date("2026-11-28T10:00:00Z");
    const token = createDeletionToken({ ...user, now });
    expect(verifyDeletionToken(token, user.email, new Date("2026-11-29T09:59:00Z"))).toBe(user.userId);
    expect(verifyDeletionToken(token, user.email, new Date("2026-11-29T10:01:00Z"))).toBeNull();
  });

  it("cannot be moved to another account or forged", () => {
    const token = createDeletionToken(user);
    const other = token.replace(user.userId, "3c1f6a2e-0000-4000-8000-000000000002");
    expect(verifyDeletionToken(other, user.email)).toBeNull();
    expect(readDeletionToken("nonsense")).toBeNull();
    const flipped = token.at(-1) === "A" ? "B" : "A";
    expect(verifyDeletionToken(`${token.slice(0, -1)}${flipped}`, user.email)).toBeNull();
  });
});
