import { describe, expect, it } from "vitest";
import { cleanPlace, ownPlaceOf, placeOfDate, samePlace } from "./place";

const series = { format: "in_person", venue: "Rathaus", address: "Altmarkt 1", onlineUrl: null } as const;

describe("a date's place", () => {
  it("is its own where it has one, else the event's", () => {
    const none = { format: null, venue: null, address: null, onlineUrl: null };
    expect(placeOfDate(series, ownPlaceOf(none))).toBe(series);
    const own = ownPlaceOf({ format: "online", venue: null, address: null, onlineUrl: "https://x.example" });
    expect(placeOfDate(series, own)).toEqual({
      format: "online",
      venue: null,
      address: null,
      onlineUrl: "https://x.example",
    });
  });

  it("keeps only the fields of its format, and compares by what attendees read", () => {
    const online = cleanPlace({
      format: "online",
      venue: "Saal",
      address: "Weg 1",
      onlineUrl: "https://a.example",
    });
    expect(online).toEqual({ format: "online", venue: null, address: null, onlineUrl: "https://a.example" });
    expect(cleanPlace({ ...series, onlineUrl: "https://a.example" }).onlineUrl).toBeNull();
    expect(samePlace(series, { ...series })).toBe(true);
    expect(samePlace(series, { ...series, address: "Domplatz 1" })).toBe(false);
    expect(samePlace(online, { ...online, onlineUrl: "https://b.example" })).toBe(false);
    expect(samePlace(online, series)).toBe(false);
  });
});
