import { describe, expect, it } from "vitest";
import { formatStamp } from "./format";

describe("formatStamp", () => {
  it("writes Berlin time as day.month.year hours:minutes, in winter and in summer", () => {
    expect(formatStamp(new Date("2026-11-25T14:49:31.123Z"))).toBe("25.11.2026 15:49");
    expect(formatStamp(new Date("2026-06-30T22:05:00Z"))).toBe("01.07.2026 00:05");
  });
});
