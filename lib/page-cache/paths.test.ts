import { describe, expect, it } from "vitest";
import { stripScripts } from "./html";
import { cacheablePageOf, cookieWithLocale, LANG_HEADER, PATH_HEADER, pageCacheTarget } from "./paths";

const target = (url: string, init: { method?: string; cookie?: string; bypass?: boolean } = {}) => {
  const headers = new Headers();
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.bypass) headers.set("x-kp-page-cache", "render");
  return pageCacheTarget({ method: init.method ?? "GET", url: new URL(url, "http://localhost"), headers });
};

describe("pageCacheTarget", () => {
  it("sends visitors' landing, FAQ and video pages to the cache, with the forced language", () => {
    expect(target("/faq")?.headers.get(PATH_HEADER)).toBe("/faq");
    expect(target("/videos/erklaert")?.headers.get(PATH_HEADER)).toBe("/videos/erklaert");
    expect(target("/")?.headers.get(PATH_HEADER)).toBe("/");
    expect(target("/faq?lang=ar")?.headers.get(LANG_HEADER)).toBe("ar");
    expect(target("/faq", { cookie: "locale=uk" })?.headers.get(PATH_HEADER)).toBe("/faq");
  });

  it("renders for signed-in people, searches, posts, other pages and its own render", () => {
    expect(target("/faq", { cookie: "locale=de; authjs.session-token=abc" })).toBeNull();
    expect(target("/faq", { cookie: "__Secure-authjs.session-token=abc" })).toBeNull();
    expect(target("/faq?q=kita")).toBeNull();
    expect(target("/faq?lang=xx")).toBeNull();
    expect(target("/videos/x?play=1")).toBeNull();
    expect(target("/faq", { method: "POST" })).toBeNull();
    expect(target("/members")).toBeNull();
    expect(target("/videos/../admin")).toBeNull();
    expect(target("/faq", { bypass: true })).toBeNull();
  });
});

describe("forum threads", () => {
  it("caches a visitor's thread page and each of its pages, nothing else in the forum", () => {
    expect(target("/forum/t/2/frage-2")?.headers.get(PATH_HEADER)).toBe("/forum/t/2/frage-2");
    expect(target("/forum/t/2/frage-2?page=500&lang=ar")?.headers.get(PATH_HEADER)).toBe(
      "/forum/t/2/frage-2?page=500",
    );
    expect(cacheablePageOf("/forum/t/2/frage-2?page=500")).toEqual({
      path: "/forum/t/2/frage-2?page=500",
      scopes: ["forum"],
    });
    for (const url of [
      "/forum/t/2/frage-2?page=0",
      "/forum/t/2/frage-2?page=x",
      "/forum/t/2/frage-2?page=1&page=2",
      "/forum/t/2/frage-2?quote=5",
      "/forum/t/2",
      "/forum",
      "/forum/c/willkommen",
      "/faq?page=2",
    ])
      expect(target(url), url).toBeNull();
    expect(cacheablePageOf("/faq?page=2")).toBeNull();
    expect(target("/forum/t/2/frage-2", { cookie: "authjs.session-token=abc" })).toBeNull();
  });
});

describe("events", () => {
  const id = "0f8fe6a2-5c1d-4e0b-9a57-3b2f1c9d7e41";
  const cachedPath = (url: string) => target(url)?.headers.get(PATH_HEADER);

  it("caches a visitor's events list and each event page, by date, with the clock's changes", () => {
    expect(cacheablePageOf("/events")).toEqual({ path: "/events", scopes: ["events", "event-times"] });
    expect(cachedPath(`/events/${id}`)).toBe(`/events/${id}`);
    expect(cachedPath(`/events/${id}?date=2026-12-07&lang=uk`)).toBe(`/events/${id}?date=2026-12-07`);
    expect(cacheablePageOf(`/events/${id}?date=2026-12-07`)?.scopes).toEqual(["events", "event-times"]);
  });

  it("caches each filtered list once, under one address, whatever the order and the empty fields", () => {
    // What the filter form sends: every field, "any" as an empty value.
    const canonical = "/events?when=past&language=ar&municipality=Freyburg+%28Unstrut%29";
    expect(
      cachedPath("/events?when=past&topic=&language=ar&municipality=Freyburg+%28Unstrut%29&format="),
    ).toBe(canonical);
    expect(cachedPath("/events?municipality=Freyburg%20(Unstrut)&language=ar&when=past")).toBe(canonical);
    expect(cacheablePageOf(canonical)?.path).toBe(canonical);
    expect(cachedPath("/events?when=&topic=&language=&municipality=&format=")).toBe("/events");
    expect(cachedPath("/events?format=online&topic=housing")).toBe("/events?topic=housing&format=online");
  });

  it("renders further pages, unknown filters, notices and everything that is not an event", () => {
    for (const url of [
      "/events?after=2026-12-07T10:00:00.000Z_x",
      "/events?language=ar&after=2026-12-07T10:00:00.000Z_x",
      "/events?language=xx",
      "/events?municipality=Berlin",
      "/events?when=upcoming",
      "/events?language=ar&language=uk",
      "/events?date=2026-12-07",
      `/events/${id}?date=morgen`,
      `/events/${id}?date=`,
      `/events/${id}?saved=updated`,
      `/events/${id}?date=2026-12-07&rsvp=going`,
      `/events/${id}?language=ar`,
      `/events/${id}.ics`,
      `/events/${id}/edit`,
      "/events/new",
      "/events/calendar",
    ])
      expect(target(url), url).toBeNull();
    expect(target("/events", { cookie: "authjs.session-token=abc" })).toBeNull();
  });
});

describe("cookieWithLocale", () => {
  it("replaces only the language", () => {
    expect(cookieWithLocale("a=1; locale=de; b=2", "ar")).toBe("a=1; b=2; locale=ar");
    expect(cookieWithLocale(null, "uk")).toBe("locale=uk");
  });
});

describe("stripScripts", () => {
  it("removes every script and script preload, keeps the page", () => {
    const html =
      '<html><head><link rel="preload" as="script" fetchPriority="low" href="/_next/a.js"/><link rel="stylesheet" href="/s.css"/></head>' +
      '<body><h1>FAQ</h1><script nonce="abc">self.__next_f.push([1,"x"])</script><script src="/_next/b.js" async=""></script></body></html>';
    expect(stripScripts(html)).toBe(
      '<html><head><link rel="stylesheet" href="/s.css"/></head><body><h1>FAQ</h1></body></html>',
    );
  });
});
