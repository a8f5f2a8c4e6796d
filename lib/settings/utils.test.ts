import { describe, expect, it } from "vitest";
import { darken, mailSenderHeader, nextPolicyVersion } from "./utils";

describe("nextPolicyVersion", () => {
  it("is the date in Berlin, even shortly after midnight there", () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Berlin
    expect(nextPolicyVersion("2026-11-01", new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });

  it("counts up when a version was published the same day", () => {
    const now = new Date("2026-11-28T10:00:00Z");
    expect(nextPolicyVersion("2026-11-28", now)).toBe("2026-11-28-2");
    expect(nextPolicyVersion("2026-11-28-2", now)).toBe("2026-11-28-3");
  });
});

describe("darken", () => {
  it("mixes toward black", () => {
    expect(darken("#ffffff", 0.5)).toBe("#808080");
    expect(darken("#000000")).toBe("#000000");
  });
});

describe("mailSenderHeader", () => {
  it("sends a name without an address from the server's address (MAIL_FROM)", () => {
    expect(mailSenderHeader("Netzwerk BLK", null, "Knotenpunkt <noreply@kp.example>")).toBe(
      '"Netzwerk BLK" <noreply@kp.example>',
    );
    expect(mailSenderHeader("Netzwerk BLK", null, " noreply@kp.example ")).toBe(
      '"Netzwerk BLK" <noreply@kp.example>',
    );
  });

  it("uses the address set, and nothing set means MAIL_FROM as it is", () => {
    expect(mailSenderHeader(null, "netzwerk@blk.example", "noreply@kp.example")).toBe("netzwerk@blk.example");
    expect(mailSenderHeader(null, null, "noreply@kp.example")).toBeNull();
  });
});
