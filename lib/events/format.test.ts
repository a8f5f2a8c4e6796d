import { describe, expect, it } from "vitest";
import { formatDayTime, formatStamp, formatWhen } from "./format";

describe("formatStamp", () => {
  it("writes Berlin time as day.month.year hours:minutes, in winter and in summer", () => {
    expect(formatStamp(new Date("2026-11-25T14:49:31.123Z"))).toBe("25.11.2026 15:49");
    expect(formatStamp(new Date("2026-06-30T22:05:00Z"))).toBe("01.07.2026 00:05");
  });
});

describe("a date with its time", () => {
  const start = new Date("2026-03-24T09:00:00Z");
  const end = new Date("2026-03-24T10:30:00Z");
  const nextDay = new Date("2026-03-25T10:30:00Z");

  it("joins them with the Arabic comma in Arabic", () => {
    expect(formatWhen("ar", start, end)).toBe("الثلاثاء، 24 مارس 2026، 10:00 ص–11:30 ص");
    expect(formatWhen("ar", start, nextDay)).toBe(
      "الثلاثاء، 24 مارس 2026، 10:00 ص – الأربعاء، 25 مارس 2026، 11:30 ص",
    );
    expect(formatDayTime("ar", start)).toBe("الثلاثاء، 24 مارس 2026، 10:00 ص");
    for (const text of [formatWhen("ar", start, nextDay), formatDayTime("ar", start)])
      expect(text).not.toContain(",");
  });

  it("joins them with a comma in German, English and Ukrainian", () => {
    expect(formatWhen("de", start, end)).toBe("Dienstag, 24. März 2026, 10:00–11:30");
    expect(formatWhen("en", start, nextDay)).toBe(
      "Tuesday, March 24, 2026, 10:00 AM – Wednesday, March 25, 2026, 11:30 AM",
    );
    expect(formatDayTime("de", start)).toBe("Di., 24. März 2026, 10:00");
    expect(formatDayTime("uk", start)).toBe("вт, 24 бер. 2026 р., 10:00");
  });
});
