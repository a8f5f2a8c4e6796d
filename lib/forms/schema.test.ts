import { describe, expect, it } from "vitest";
import { SendCampaign } from "@/lib/campaigns/schema";
import { EventInput } from "@/lib/events/schema";
import { isExistingDate, isExistingTime, toFieldErrors } from "./schema";

describe("dates and times that exist", () => {
  it("refuses days a month does not have, keeps leap days", () => {
    expect(isExistingDate("2027-02-30")).toBe(false);
    expect(isExistingDate("2027-02-29")).toBe(false);
    expect(isExistingDate("2028-02-29")).toBe(true);
    expect(isExistingDate("2027-04-31")).toBe(false);
    expect(isExistingDate("2027-13-01")).toBe(false);
    expect(isExistingDate("2027-01-00")).toBe(false);
    expect(isExistingDate("2027-12-31")).toBe(true);
  });

  it("refuses hours past 23 and minutes past 59", () => {
    expect(isExistingTime("25:70")).toBe(false);
    expect(isExistingTime("24:00")).toBe(false);
    expect(isExistingTime("09:60")).toBe(false);
    expect(isExistingTime("00:00")).toBe(true);
    expect(isExistingTime("23:59")).toBe(true);
  });
});

/** The message key shown beside each field after the form is sent. */
const besideFields = (result: { success: boolean; error?: Parameters<typeof toFieldErrors>[0] }) =>
  Object.fromEntries(
    Object.entries(result.error ? toFieldErrors(result.error) : {}).map(([f, e]) => [f, e.key]),
  );

describe("a campaign scheduled for a moment that does not exist", () => {
  const schedule = (date: string, time: string) =>
    besideFields(SendCampaign.safeParse({ campaignId: "c1", when: "later", date, time }));

  it("is refused with a message beside the field instead of moving to another day", () => {
    expect(schedule("2027-02-30", "09:00")).toEqual({ date: "noSuchDate" });
    expect(schedule("2027-03-02", "25:70")).toEqual({ time: "noSuchTime" });
    expect(schedule("2027-03-02", "09:00")).toEqual({});
  });
});

describe("an event on a day or at a time that does not exist", () => {
  const event = (fields: { date?: string; startTime?: string; endTime?: string; untilDate?: string }) =>
    besideFields(
      EventInput.safeParse({
        title: "Sprachcafé",
        languages: [],
        format: "online",
        onlineUrl: "https://example.org/treffen",
        organiser: "me",
        visibility: "public",
        frequency: "weekly",
        date: "2027-03-02",
        startTime: "18:00",
        endTime: "20:00",
        ...fields,
      }),
    );

  it("is refused with a message beside the field instead of moving to another day", () => {
    expect(event({})).toEqual({});
    expect(event({ date: "2027-02-30" })).toEqual({ date: "noSuchDate" });
    expect(event({ untilDate: "2027-06-31" })).toEqual({ untilDate: "noSuchDate" });
    expect(event({ endTime: "25:70" })).toEqual({ endTime: "noSuchTime" });
  });
});
