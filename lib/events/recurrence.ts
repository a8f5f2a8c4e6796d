import type { EventFrequency } from "@/db/schema/enums";
import {
  addDays,
  berlinClock,
  berlinDate,
  berlinDateTimeToUtc,
  daysInMonth,
  formatDate,
  parseDate,
  weekdayOf,
} from "./time";

/** A series never produces more dates than this, and an open series stops after a year. */
export const MAX_OCCURRENCES = 104;
export const OPEN_SERIES_DAYS = 365;

export type SeriesRule = {
  frequency: EventFrequency;
  /** Start of the first date (UTC); its Berlin wall-clock time is kept for every date. */
  startsAt: Date;
  durationMinutes: number;
  /** Last Berlin date a date may fall on (inclusive); null: a year from the first date. */
  untilDate: string | null;
};

export type Slot = { slotDate: string; startsAt: Date; endsAt: Date };

/** Which weekday of the month a date is: 1–4, or -1 for a fifth (read as "last"). */
export function weekOfMonth(date: string): number {
  const n = Math.ceil(parseDate(date).day / 7);
  return n >= 5 ? -1 : n;
}

/** The n-th (or last, n = -1) given weekday in a month, as "YYYY-MM-DD". */
export function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n === -1) {
    const last = formatDate({ year, month, day: daysInMonth(year, month) });
    const back = (weekdayOf(last) - weekday + 7) % 7;
    return addDays(last, -back);
  }
  const first = formatDate({ year, month, day: 1 });
  const forward = (weekday - weekdayOf(first) + 7) % 7;
  return addDays(first, forward + (n - 1) * 7);
}

/** Berlin calendar dates of a series, in order. */
export function seriesDates(rule: SeriesRule): string[] {
  return datesFrom(rule.frequency, berlinDate(rule.startsAt), rule.untilDate, MAX_OCCURRENCES);
}

/**
 * Whether a series from this Berlin date to that one keeps to MAX_OCCURRENCES dates: the form refuses
 * a longer one, which would otherwise stop early, short of the end its organiser typed.
 */
export function seriesFits(frequency: EventFrequency, first: string, untilDate: string | null): boolean {
  return datesFrom(frequency, first, untilDate, MAX_OCCURRENCES + 1).length <= MAX_OCCURRENCES;
}

function datesFrom(frequency: EventFrequency, first: string, untilDate: string | null, limit: number) {
  if (frequency === "none") return [first];
  const until = untilDate ?? addDays(first, OPEN_SERIES_DAYS);
  const dates: string[] = [];
  if (frequency === "weekly" || frequency === "biweekly") {
    const step = frequency === "weekly" ? 7 : 14;
    for (let d = first; d <= until && dates.length < limit; d = addDays(d, step)) dates.push(d);
    return dates;
  }
  const weekday = weekdayOf(first);
  const n = weekOfMonth(first);
  let { year, month } = parseDate(first);
  while (dates.length < limit) {
    const d = nthWeekday(year, month, weekday, n);
    if (d > until) break;
    if (d >= first) dates.push(d);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return dates;
}

/** Every date of a series at the first date's Berlin wall-clock time, so 10:00 stays 10:00 across DST. */
export function expandSeries(rule: SeriesRule): Slot[] {
  const clock = berlinClock(rule.startsAt);
  return seriesDates(rule).map((slotDate) => {
    const startsAt = berlinDateTimeToUtc(slotDate, clock);
    return { slotDate, startsAt, endsAt: new Date(startsAt.getTime() + rule.durationMinutes * 60_000) };
  });
}

const ICAL_DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;

/** The RRULE value for a series (null for a single date); COUNT matches the dates we store. */
export function rruleFor(rule: SeriesRule, count: number): string | null {
  if (rule.frequency === "none") return null;
  const first = berlinDate(rule.startsAt);
  const day = ICAL_DAYS[weekdayOf(first)];
  if (rule.frequency === "monthly") return `FREQ=MONTHLY;BYDAY=${weekOfMonth(first)}${day};COUNT=${count}`;
  const interval = rule.frequency === "biweekly" ? ";INTERVAL=2" : "";
  return `FREQ=WEEKLY${interval};BYDAY=${day};COUNT=${count}`;
}
