import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { expandSeries, rruleFor } from "@/lib/events/recurrence";
import { berlinDateTimeToUtc } from "@/lib/events/time";
import { escapeText, foldLine, writeCalendar } from "./ical";

/** Parses like a calendar app: the events' dates as UTC ISO strings, series expanded. */
function expand(ics: string, max = 50) {
  const component = new ICAL.Component(ICAL.parse(ics));
  const zone = new ICAL.Timezone(component.getFirstSubcomponent("vtimezone")!);
  ICAL.TimezoneService.register(zone, "Europe/Berlin");
  const vevents = component.getAllSubcomponents("vevent");
  const masters = vevents.filter((v) => !v.hasProperty("recurrence-id"));
  const overrides = vevents.filter((v) => v.hasProperty("recurrence-id"));
  const dates: string[] = [];
  for (const vevent of masters) {
    const event = new ICAL.Event(vevent);
    for (const o of overrides) if (o.getFirstPropertyValue("uid") === event.uid) event.relateException(o);
    if (!event.isRecurring()) {
      dates.push(event.startDate.toJSDate().toISOString());
      continue;
    }
    const it = event.iterator();
    for (let next = it.next(); next && dates.length < max; next = it.next()) {
      dates.push(event.getOccurrenceDetails(next).startDate.toJSDate().toISOString());
    }
    ICAL.TimezoneService.reset();
  }
  return { component, vevents, dates };
}

describe("iCalendar writer", () => {
  it("escapes text and folds long lines at 75 octets without splitting a character", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const folded = foldLine(`SUMMARY:${"Ü".repeat(60)}`);
    const octets = folded.split("\r\n").map((l) => new TextEncoder().encode(l).length);
    expect(Math.max(...octets)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(`SUMMARY:${"Ü".repeat(60)}`);
  });

  it("writes a series that ical.js expands to 10:00 Berlin on every date, minus the cancelled one, with the moved one moved", () => {
    const rule = {
      frequency: "weekly" as const,
      startsAt: berlinDateTimeToUtc("2026-03-17", "10:00"),
      durationMinutes: 60,
      untilDate: "2026-04-07",
    };
    const slots = expandSeries(rule);
    const moved = berlinDateTimeToUtc("2026-04-01", "14:00");
    const ics = writeCalendar({
      name: "Test, mit; Sonderzeichen",
      events: [
        {
          uid: "series-1@knotenpunkt",
          sequence: 2,
          stamp: new Date("2026-03-01T12:00:00Z"),
          start: slots[0]!.startsAt,
          end: slots[0]!.endsAt,
          summary: "Online-Sprechstunde: Fragen, Antworten; Hilfe",
          description: `Zeile 1\nZeile 2 ${"sehr lang ".repeat(20)}`,
          rrule: rruleFor(rule, slots.length),
          exdates: [slots[1]!.startsAt],
        },
        {
          uid: "series-1@knotenpunkt",
          sequence: 2,
          stamp: new Date("2026-03-01T12:00:00Z"),
          recurrenceId: slots[2]!.startsAt,
          start: moved,
          end: new Date(moved.getTime() + 3_600_000),
          summary: "Online-Sprechstunde (verschoben)",
        },
      ],
    });
    expect(ics.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(ics.endsWith("\r\n")).toBe(true);
    const { component, vevents, dates } = expand(ics);
    expect(component.getFirstPropertyValue("version")).toBe("2.0");
    expect(vevents[0]!.getFirstPropertyValue("summary")).toBe(
      "Online-Sprechstunde: Fragen, Antworten; Hilfe",
    );
    expect(vevents[0]!.getFirstPropertyValue("description")).toMatch(/^Zeile 1\nZeile 2 sehr lang/);
    expect(vevents[0]!.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-03-01T12:00:00Z");
    expect(dates).toEqual([
      "2026-03-17T09:00:00.000Z",
      "2026-04-01T12:00:00.000Z",
      "2026-04-07T08:00:00.000Z",
    ]);
  });
});
