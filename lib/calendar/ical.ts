/**
 * A small RFC 5545 writer: escaped text, CRLF line endings, lines folded at 75 octets (never
 * inside a UTF-8 character), local times with a Europe/Berlin VTIMEZONE.
 */
import { pad, toBerlin } from "@/lib/events/time";

export type IcalEvent = {
  uid: string;
  sequence: number;
  /** Last change, written as DTSTAMP and LAST-MODIFIED. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status?: "CONFIRMED" | "CANCELLED";
  rrule?: string | null;
  exdates?: Date[];
  /** For an override of one date of a series: the date the rule gave it. */
  recurrenceId?: Date;
  categories?: string[];
};

export const escapeText = (value: string) =>
  value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");

const encoder = new TextEncoder();

/** Splits a content line into pieces of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = pieces.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      pieces.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

export const utcStamp = (d: Date) =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;

export const berlinStamp = (d: Date) => {
  const w = toBerlin(d);
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
};

const TZID = "Europe/Berlin";

export const BERLIN_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${TZID}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

const local = (name: string, d: Date) => `${name};TZID=${TZID}:${berlinStamp(d)}`;

function eventLines(event: IcalEvent): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `LAST-MODIFIED:${utcStamp(event.stamp)}`,
    `SEQUENCE:${event.sequence}`,
  ];
  if (event.recurrenceId) lines.push(local("RECURRENCE-ID", event.recurrenceId));
  lines.push(local("DTSTART", event.start), local("DTEND", event.end));
  if (event.rrule) lines.push(`RRULE:${event.rrule}`);
  if (event.exdates?.length) lines.push(`EXDATE;TZID=${TZID}:${event.exdates.map(berlinStamp).join(",")}`);
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(",")}`);
  lines.push(`STATUS:${event.status ?? "CONFIRMED"}`, "END:VEVENT");
  return lines;
}

/** A whole VCALENDAR; `name` becomes the calendar's display name in subscribing apps. */
export function writeCalendar(input: { name: string; events: IcalEvent[]; prodId?: string }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${input.prodId ?? "-//Knotenpunkt//Events//DE"}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(input.name)}`,
    `X-WR-TIMEZONE:${TZID}`,
    ...BERLIN_VTIMEZONE,
    ...input.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
