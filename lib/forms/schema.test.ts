import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DecideApplication } from "@/lib/applications/schema";
import { SaveCampaign, SendCampaign, StartImport } from "@/lib/campaigns/schema";
import { EventInput, MoveOccurrence } from "@/lib/events/schema";
import { ReportInput } from "@/lib/forum/schema";
import { CategoryForm, GroupInput } from "@/lib/groups/schema";
import { OfferInput } from "@/lib/offers/schema";
import { UpdateOrganisation } from "@/lib/organisations/schema";
import { SaveVideo } from "@/lib/videos/schema";
import { isExistingDate, isExistingTime, line, toFieldErrors } from "./schema";

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

/** A valid event form, as the browser sends it. */
const sprachcafe = {
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
};

describe("an event on a day or at a time that does not exist", () => {
  const event = (fields: { date?: string; startTime?: string; endTime?: string; untilDate?: string }) =>
    besideFields(EventInput.safeParse({ ...sprachcafe, ...fields }));

  it("is refused with a message beside the field instead of moving to another day", () => {
    expect(event({})).toEqual({});
    expect(event({ date: "2027-02-30" })).toEqual({ date: "noSuchDate" });
    expect(event({ untilDate: "2027-06-31" })).toEqual({ untilDate: "noSuchDate" });
    expect(event({ endTime: "25:70" })).toEqual({ endTime: "noSuchTime" });
  });
});

describe("a series longer than the dates one may hold (104)", () => {
  const until = (frequency: string, untilDate: string) =>
    besideFields(EventInput.safeParse({ ...sprachcafe, frequency, untilDate }));

  it("is refused beside its end, instead of stopping short of it unsaid", () => {
    // 2027-03-02 plus 103 weeks is 2029-02-20, the 104th weekly date
    expect(until("weekly", "2029-02-20")).toEqual({});
    expect(until("weekly", "2029-02-27")).toEqual({ untilDate: "seriesTooLong" });
    expect(until("biweekly", "2031-02-18")).toEqual({});
    expect(until("biweekly", "2031-03-04")).toEqual({ untilDate: "seriesTooLong" });
    expect(until("monthly", "2035-06-30")).toEqual({});
    expect(until("monthly", "2035-12-31")).toEqual({ untilDate: "seriesTooLong" });
    expect(until("none", "2040-01-01")).toEqual({});
  });
});

describe("texts of several lines (textareas)", () => {
  // a browser sends a textarea's line breaks as CRLF
  const twoLines = "Leider passt Ihr Antrag nicht.\r\nBitte melden Sie sich bei uns.";

  it("keep their line breaks, as \\n, where a single-line field refuses them", () => {
    const reject = DecideApplication.safeParse({
      applicationId: "a1",
      decision: "rejected",
      reason: twoLines,
    });
    expect(reject.data?.reason).toBe("Leider passt Ihr Antrag nicht.\nBitte melden Sie sich bei uns.");
    expect(ReportInput.safeParse({ postId: "1", reason: twoLines }).data?.reason).toContain("nicht.\nBitte");
    expect(StartImport.safeParse({ legalBasis: "consent", legalNote: twoLines }).success).toBe(true);
    const event = EventInput.safeParse({ ...sprachcafe, description: twoLines, accessibility: twoLines });
    expect(event.data?.description).toBe("Leider passt Ihr Antrag nicht.\nBitte melden Sie sich bei uns.");
    expect(event.data?.accessibility).toContain("nicht.\nBitte");
    const offer = OfferInput.safeParse({
      organisationId: "o1",
      title: "Sprachkurs",
      description: twoLines,
      topics: [],
      languages: [],
      formats: ["in_person"],
      visibility: "public",
    });
    expect(besideFields(offer)).toEqual({});
    expect(offer.data?.description).toContain("nicht.\nBitte");
    const organisation = UpdateOrganisation.safeParse({
      organisationId: "o1",
      name: "Caritas Zeitz",
      type: "welfare_association",
      description: twoLines,
    });
    expect(besideFields(organisation)).toEqual({});
    expect(organisation.data?.description).toContain("nicht.\nBitte");
    expect(besideFields(z.object({ title: line(100) }).safeParse({ title: "a\nb" }))).toEqual({
      title: "invalidCharacters",
    });
  });

  it("count a line break as one character against the limit", () => {
    const reason = `${"a".repeat(499)}\r\n${"b".repeat(500)}`;
    expect(DecideApplication.safeParse({ applicationId: "a1", decision: "rejected", reason }).success).toBe(
      true,
    );
  });

  it("still refuse other control characters", () => {
    const reason = "Leider\u0007 nicht.";
    expect(
      besideFields(DecideApplication.safeParse({ applicationId: "a1", decision: "rejected", reason })),
    ).toEqual({ reason: "invalidCharacters" });
    expect(besideFields(ReportInput.safeParse({ postId: "1", reason: "Spam\u0000!" }))).toEqual({
      reason: "invalidCharacters",
    });
    expect(besideFields(EventInput.safeParse({ ...sprachcafe, description: "Treffen\u001b[31m" }))).toEqual({
      description: "invalidCharacters",
    });
  });
});

describe("a rule across fields", () => {
  it("rejecting without a reason says so beside other errors", () => {
    expect(besideFields(DecideApplication.safeParse({ decision: "rejected" }))).toEqual({
      applicationId: "invalid",
      reason: "reasonRequired",
    });
  });

  it("events, moved dates, campaigns, forum categories and videos: every message at once", () => {
    const event = besideFields(
      EventInput.safeParse({
        languages: [],
        format: "online",
        organiser: "me",
        visibility: "group",
        frequency: "none",
        date: "2027-03-02",
        startTime: "18:00",
        endTime: "17:00",
      }),
    );
    expect(event).toEqual({
      title: "required",
      endTime: "endBeforeStart",
      onlineUrl: "onlineUrlRequired",
      groupId: "groupRequired",
    });
    const move = besideFields(
      MoveOccurrence.safeParse({
        occurrenceId: "",
        date: "2027-03-02",
        startTime: "18:00",
        endTime: "17:00",
      }),
    );
    expect(move).toEqual({ occurrenceId: "invalid", endTime: "endBeforeStart" });
    const campaign = besideFields(
      SaveCampaign.safeParse({ title: "", subjectDe: "Hallo", bodyDe: "Text", subjectEn: "Hello" }),
    );
    expect(campaign).toEqual({ title: "required", audience: "audienceEmpty", bodyEn: "bodyMissing" });
    const category = besideFields(
      CategoryForm.safeParse({ name: "", color: "#123456", visibility: "group" }),
    );
    expect(category).toEqual({ name: "required", groupId: "required" });
    const video = (externalUrl?: string) =>
      besideFields(SaveVideo.safeParse({ kind: "external", title: "", externalUrl }));
    expect(video()).toEqual({ title: "required", externalUrl: "required" });
    expect(video("https://example.org/film")).toEqual({ title: "required", externalUrl: "invalidYoutube" });
  });

  it("is not checked on a field that has its own error", () => {
    const event = besideFields(
      EventInput.safeParse({
        title: "Sprachcafé",
        languages: [],
        format: "in_person",
        venue: "x".repeat(201),
        organiser: "me",
        visibility: "public",
        frequency: "none",
        date: "2027-03-02",
        startTime: "18:00",
        endTime: "20:00",
      }),
    );
    expect(event).toEqual({ venue: "tooLong" });
  });
});

describe("a description longer than 500 characters", () => {
  const errors = (result: { error?: Parameters<typeof toFieldErrors>[0] }) =>
    result.error ? toFieldErrors(result.error) : {};

  it("of a working group or forum category says its limit beside the field", () => {
    const description = "x".repeat(501);
    expect(errors(GroupInput.safeParse({ name: "Sprachpatenschaften", description }))).toEqual({
      description: { key: "tooLong", values: { max: 500 } },
    });
    expect(
      errors(
        CategoryForm.safeParse({ name: "Ehrenamt", description, color: "#123456", visibility: "public" }),
      ),
    ).toEqual({ description: { key: "tooLong", values: { max: 500 } } });
  });
});
