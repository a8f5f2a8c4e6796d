import { describe, expect, it } from "vitest";
import { createSignedToken, verifySignedToken } from "./signed-token";

describe("signed link tokens", () => {
  const token = createSignedToken("campaign-unsubscribe", ["anna@example.org", "c1"]);

  it("give back what was signed", () => {
    expect(verifySignedToken("campaign-unsubscribe", token, 2)).toEqual(["anna@example.org", "c1"]);
  });

  it("refuse a token for another purpose, a changed payload, a changed signature or the wrong shape", () => {
    expect(verifySignedToken("newsletter-confirm", token, 2)).toBeNull();
    const [payload, signature] = token.split(".");
    const other = Buffer.from("mallory@example.org|c1").toString("base64url");
    expect(verifySignedToken("campaign-unsubscribe", `${other}.${signature}`, 2)).toBeNull();
    expect(
      verifySignedToken("campaign-unsubscribe", `${payload}.${signature!.slice(0, -2)}xx`, 2),
    ).toBeNull();
    expect(verifySignedToken("campaign-unsubscribe", token, 1)).toBeNull();
    expect(verifySignedToken("campaign-unsubscribe", "", 2)).toBeNull();
    expect(verifySignedToken("campaign-unsubscribe", "a".repeat(2000), 2)).toBeNull();
  });
});
