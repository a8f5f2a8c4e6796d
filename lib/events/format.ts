import { dateTimeFormatter } from "@/lib/i18n/intl";
import { EVENT_TIME_ZONE, pad, toBerlin } from "./time";

const formatter = (locale: string, options: Intl.DateTimeFormatOptions) =>
  dateTimeFormatter(locale === "ar" ? "ar-u-nu-latn" : locale, { ...options, timeZone: EVENT_TIME_ZONE });

const separators = new Map<string, string>();

/** What the language writes between a date and its time (", " in German, "، " in Arabic), as Intl does. */
function dateTimeSeparator(locale: string): string {
  let separator = separators.get(locale);
  if (separator === undefined) {
    const parts = formatter(locale, { dateStyle: "short", timeStyle: "short" }).formatToParts(0);
    separator = parts[parts.findIndex((part) => part.type === "hour") - 1]?.value ?? ", ";
    separators.set(locale, separator);
  }
  return separator;
}

/** "Dienstag, 24. März 2026, 10:00–11:30" style, always in Berlin time. */
export function formatWhen(locale: string, start: Date, end: Date): string {
  const day = formatter(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const time = formatter(locale, { hour: "2-digit", minute: "2-digit" });
  const and = dateTimeSeparator(locale);
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)}${and}${time.format(start)}–${time.format(end)}`
    : `${day.format(start)}${and}${time.format(start)} – ${day.format(end)}${and}${time.format(end)}`;
}

export const formatDay = (locale: string, d: Date) =>
  formatter(locale, { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(d);
export const formatTime = (locale: string, d: Date) =>
  formatter(locale, { hour: "2-digit", minute: "2-digit" }).format(d);
/** "Di., 24. März 2026, 10:00": `formatDay` and `formatTime` joined as the language joins them. */
export const formatDayTime = (locale: string, d: Date) =>
  `${formatDay(locale, d)}${dateTimeSeparator(locale)}${formatTime(locale, d)}`;
/** "25.11.2026 15:49" in Berlin time: for files (CSV) that spreadsheets read in any language. */
export function formatStamp(d: Date): string {
  const w = toBerlin(d);
  return `${pad(w.day)}.${pad(w.month)}.${pad(w.year, 4)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** Machine-readable date-time for <time dateTime>. */
export const isoOf = (d: Date) => d.toISOString();

/** Where an event takes place, in one line. */
export function placeOf(
  e: { format: string; venue: string | null; address: string | null },
  online: string,
): string {
  if (e.format === "online") return online;
  return [e.venue, e.address].filter(Boolean).join(", ");
}
