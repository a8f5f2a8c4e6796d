/**
 * Europe/Berlin wall-clock time without Temporal: Intl tells the offset at an instant, and a wall
 * time is turned into UTC by trying the offsets in force around it.
 */
export const EVENT_TIME_ZONE = "Europe/Berlin";

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number };

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: EVENT_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The Berlin wall-clock reading of an instant. */
export function toBerlin(instant: Date): WallTime & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Minutes Berlin is ahead of UTC at this instant (60 in winter, 120 in summer). */
export function berlinOffsetMinutes(instant: Date): number {
  const w = toBerlin(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const sameWall = (a: WallTime, b: WallTime) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;

/**
 * The instant a Berlin wall-clock time names. An hour that occurs twice (last Sunday of October)
 * gives the first; an hour skipped (last Sunday of March) is read with the offset before the gap,
 * so 02:30 becomes 03:30 summer time, as RFC 5545 prescribes.
 */
export function berlinToUtc(wall: WallTime): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const offsets = [
    berlinOffsetMinutes(new Date(naive - 36 * 3_600_000)),
    berlinOffsetMinutes(new Date(naive + 36 * 3_600_000)),
  ].sort((a, b) => b - a);
  for (const offset of offsets) {
    const candidate = new Date(naive - offset * 60_000);
    if (sameWall(toBerlin(candidate), wall)) return candidate;
  }
  return new Date(naive - Math.min(...offsets) * 60_000);
}

/** "2026-03-29" → its parts. */
export function parseDate(value: string): { year: number; month: number; day: number } {
  const [year, month, day] = value.split("-").map(Number);
  return { year: year!, month: month!, day: day! };
}

export const pad = (n: number, width = 2) => String(n).padStart(width, "0");
export const formatDate = (d: { year: number; month: number; day: number }) =>
  `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

/** The Berlin calendar date of an instant, as "YYYY-MM-DD". */
export const berlinDate = (instant: Date) => formatDate(toBerlin(instant));
/** The Berlin clock time of an instant, as "HH:MM". */
export const berlinClock = (instant: Date) => {
  const w = toBerlin(instant);
  return `${pad(w.hour)}:${pad(w.minute)}`;
};

/** "2026-03-29" + "10:00" (Berlin) → the instant. */
export function berlinDateTimeToUtc(date: string, time: string): Date {
  const [hour, minute] = time.split(":").map(Number);
  return berlinToUtc({ ...parseDate(date), hour: hour!, minute: minute! });
}

/** Calendar arithmetic on plain dates (no time zone involved). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
