import { describe, expect, it } from "vitest";
import { currentSection } from "./utils";

const HREFS = [
  "/",
  "/home",
  "/forum",
  "/members",
  "/organisations",
  "/events",
  "/admin/signups",
  "/admin",
  "/messages",
  "/notifications",
];

describe("currentSection", () => {
  it("marks a section on its own page and on the pages under it", () => {
    expect(currentSection("/forum", HREFS)).toBe("/forum");
    expect(currentSection("/forum/t/12/wohnungssuche?page=2#post-40", HREFS)).toBe("/forum");
    expect(currentSection("/members?q=Anna&topic=sprache", HREFS)).toBe("/members");
    expect(currentSection("/messages/7f3e", HREFS)).toBe("/messages");
  });

  it("takes the most specific section", () => {
    expect(currentSection("/admin/signups/42", HREFS)).toBe("/admin/signups");
    expect(currentSection("/admin/users", HREFS)).toBe("/admin");
  });

  it("marks the section a page belongs to without lying under its path", () => {
    expect(currentSection("/offers?topic=counselling", HREFS)).toBe("/organisations");
    expect(currentSection("/search?q=Kaution", HREFS)).toBe("/forum");
    expect(currentSection("/settings/notifications", HREFS)).toBe("/notifications");
    expect(currentSection("/settings/profile", HREFS)).toBeNull();
  });

  it("marks the start page only on itself, and nothing for other pages or an unknown path", () => {
    expect(currentSection("/", HREFS)).toBe("/");
    expect(currentSection("/?lang=ar", HREFS)).toBe("/");
    expect(currentSection("/datenschutz", HREFS)).toBeNull();
    expect(currentSection("/forumsregeln", HREFS)).toBeNull();
    expect(currentSection(null, HREFS)).toBeNull();
  });
});
