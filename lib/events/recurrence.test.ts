import { describe, expect, it } from "vitest";
import { expandSeries, nthWeekday, rruleFor, seriesDates } from "./recurrence";
import { berlinClock, berlinDateTimeToUtc } from "./time";

const weeklyAt10 = (first: string, until: string, frequency: "weekly" | "biweekly" = "weekly") => ({
  frequency,
  startsAt: berlinDateTimeToUtc(first, "10:00"),
  durationMinutes: 90,
  untilDate: until,
});

describe("recurrence", () => {
  it("keeps a weekly 10:00 at 10:00 across the last Sunday of March", () => {
    const slots = expandSeries(weeklyAt10("2026-03-22", "2026-04-05"));
    expect(slots.map((s) => s.slotDate)).toEqual(["2026-03-22", "2026-03-29", "2026-04-05"]);
    expect(slots.map((s) => berlinClock(s.startsAt))).toEqual(["10:00", "10:00", "10:00"]);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-03-22T09:00:00.000Z",
      "2026-03-29T08:00:00.000Z",
      "2026-04-05T08:00:00.000Z",
    ]);
    expect(slots[1]!.endsAt.toISOString()).toBe("2026-03-29T09:30:00.000Z");
  });

  it("keeps a weekly 10:00 at 10:00 across the last Sunday of October", () => {
    const slots = expandSeries(weeklyAt10("2026-10-18", "2026-11-01"));
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-10-18T08:00:00.000Z",
      "2026-10-25T09:00:00.000Z",
      "2026-11-01T09:00:00.000Z",
    ]);
    expect(slots.every((s) => berlinClock(s.startsAt) === "10:00")).toBe(true);
  });

  it("repeats every two weeks until the last date, inclusive", () => {
    expect(seriesDates(weeklyAt10("2026-01-06", "2026-02-17", "biweekly"))).toEqual([
      "2026-01-06",
      "2026-01-20",
      "2026-02-03",
      "2026-02-17",
    ]);
  });

  it("repeats monthly on the same weekday: second Tuesday, and last Friday", () => {
    const second = seriesDates({ ...weeklyAt10("2026-01-13", "2026-04-30"), frequency: "monthly" });
    expect(second).toEqual(["2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14"]);
    const last = seriesDates({ ...weeklyAt10("2026-01-30", "2026-05-31"), frequency: "monthly" });
    expect(last).toEqual(["2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29"]);
    expect(nthWeekday(2026, 2, 0, -1)).toBe("2026-02-22");
  });

  it("stops an open series after a year and a single event has one date", () => {
    const open = seriesDates({ ...weeklyAt10("2026-01-05", "2026-01-05"), untilDate: null });
    expect(open.length).toBe(53);
    expect(seriesDates({ ...weeklyAt10("2026-01-05", "2027-01-01"), frequency: "none" })).toEqual([
      "2026-01-05",
    ]);
  });

  it("writes the RRULE calendar apps expand to the same dates", () => {
    expect(rruleFor(weeklyAt10("2026-03-22", "2026-04-05"), 3)).toBe("FREQ=WEEKLY;BYDAY=SU;COUNT=3");
    expect(rruleFor(weeklyAt10("2026-01-06", "2026-02-17", "biweekly"), 4)).toBe(
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=4",
    );
    expect(rruleFor({ ...weeklyAt10("2026-01-30", "2026-05-31"), frequency: "monthly" }, 5)).toBe(
      "FREQ=MONTHLY;BYDAY=-1FR;COUNT=5",
    );
  });
});
