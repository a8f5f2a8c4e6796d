import { describe, expect, it } from "vitest";
import {
  addDays,
  berlinClock,
  berlinDateTimeToUtc,
  berlinOffsetMinutes,
  berlinToUtc,
  toBerlin,
} from "./time";

describe("Berlin wall-clock time", () => {
  it("knows winter and summer offsets", () => {
    expect(berlinOffsetMinutes(new Date("2026-01-15T12:00:00Z"))).toBe(60);
    expect(berlinOffsetMinutes(new Date("2026-07-15T12:00:00Z"))).toBe(120);
  });

  it("turns 10:00 into 09:00 UTC in winter and 08:00 UTC in summer", () => {
    expect(berlinDateTimeToUtc("2026-03-28", "10:00").toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(berlinDateTimeToUtc("2026-03-29", "10:00").toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(berlinDateTimeToUtc("2026-10-25", "10:00").toISOString()).toBe("2026-10-25T09:00:00.000Z");
  });

  it("reads a skipped hour (29 March 2026, 02:30) as 03:30 summer time", () => {
    const instant = berlinToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 });
    expect(instant.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(berlinClock(instant)).toBe("03:30");
  });

  it("takes the first of a doubled hour (25 October 2026, 02:30 summer time)", () => {
    const instant = berlinToUtc({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 });
    expect(instant.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(toBerlin(instant)).toMatchObject({ hour: 2, minute: 30, day: 25 });
  });

  it("round-trips every quarter hour of a year", () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 15 * 60_000 * 7) {
      const instant = new Date(t);
      const w = toBerlin(instant);
      const back = berlinToUtc(w);
      expect(toBerlin(back)).toMatchObject({ hour: w.hour, minute: w.minute, day: w.day });
    }
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });
});
