import { dateTimeFormatter } from "@/lib/i18n/intl";
import { EVENT_TIME_ZONE, pad, toBerlin } from "./time";

const formatter = (locale: string, options: Intl.DateTimeFormatOptions) =>
  dateTimeFormatter(locale === "ar" ? "ar-u-nu-latn" : locale, { ...options, timeZone: EVENT_TIME_ZONE });

/** "Dienstag, 24. März 2026, 10:00–11:30 Uhr" style, always in Berlin time. */
export function formatWhen(locale: string, start: Date, end: Date): string {
  const day = formatter(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const time = formatter(locale, { hour: "2-digit", minute: "2-digit" });
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)}, ${time.format(start)}–${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

export const formatDay = (locale: string, d: Date) =>
  formatter(locale, { weekday: "short", day: "numeric", month: "short", year: "numeric" }).format(d);
export const formatTime = (locale: string, d: Date) =>
  formatter(locale, { hour: "2-digit", minute: "2-digit" }).format(d);
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
