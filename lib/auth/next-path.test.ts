import { describe, expect, it } from "vitest";
import { loginHref, MAX_NEXT_LENGTH, safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it("keeps paths on this site with their query and fragment", () => {
    expect(safeNextPath("/messages")).toBe("/messages");
    expect(safeNextPath("/events/new")).toBe("/events/new");
    expect(safeNextPath("/forum/t/12/slug?page=2#post-40")).toBe("/forum/t/12/slug?page=2#post-40");
    expect(safeNextPath("/search?q=Deutschkurs%20Landkreis")).toBe("/search?q=Deutschkurs%20Landkreis");
    expect(safeNextPath("/")).toBe("/");
  });

  it("canonicalises what a browser would resolve", () => {
    expect(safeNextPath("/forum/../messages")).toBe("/messages");
    expect(safeNextPath("/a/b\\c")).toBe("/a/b/c");
  });

  it("refuses other hosts, protocol-relative and backslash paths", () => {
    for (const value of [
      "//evil.example",
      "//evil.example/messages",
      "/\\evil.example",
      "\\\\evil.example",
      "\\/evil.example",
      "https://evil.example/",
      "http://localhost:3000/messages",
      "/a/..//evil.example",
      "/a/../\\evil.example",
    ]) {
      expect(safeNextPath(value), value).toBeNull();
    }
  });

  it("refuses schemes and anything not starting with a slash", () => {
    for (const value of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,x",
      "messages",
      " /messages",
      "",
    ]) {
      expect(safeNextPath(value), value).toBeNull();
    }
  });

  it("refuses control characters, which URL parsing would silently drop", () => {
    for (const value of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/messages\r\nSet-Cookie: x=1",
      "/a\u0000",
      "/a\u007f",
    ]) {
      expect(safeNextPath(value), JSON.stringify(value)).toBeNull();
    }
  });

  it("refuses over-long values and non-strings", () => {
    expect(safeNextPath(`/${"a".repeat(MAX_NEXT_LENGTH - 1)}`)).toHaveLength(MAX_NEXT_LENGTH);
    expect(safeNextPath(`/${"a".repeat(MAX_NEXT_LENGTH)}`)).toBeNull();
    // percent-encoding by the parser must not push a value over the limit either
    expect(safeNextPath(`/${"ä".repeat(MAX_NEXT_LENGTH - 1)}`)).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(null)).toBeNull();
    expect(safeNextPath(["/messages"])).toBeNull();
  });
});

describe("loginHref", () => {
  it("carries the page asked for", () => {
    expect(loginHref("/messages")).toBe("/login?next=%2Fmessages");
    expect(loginHref("/events?topic=sprache&online=1")).toBe(
      "/login?next=%2Fevents%3Ftopic%3Dsprache%26online%3D1",
    );
  });

  it("stays plain for the default landings and for anything unsafe", () => {
    for (const path of ["/home", "/application", "/", "//evil.example", "javascript:alert(1)", null]) {
      expect(loginHref(path), String(path)).toBe("/login");
    }
  });

  it("stays plain on the sign-in and sign-up pages and on landings with a query", () => {
    for (const path of ["/login", "/login?next=%2Fmessages", "/login/check-email", "/signup", "/?lang=ar"]) {
      expect(loginHref(path), String(path)).toBe("/login");
    }
  });
});
