import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("attendee CSV", () => {
  it("quotes cells, doubles quotes and defuses formulas", () => {
    expect(csvCell('Verein "Brücke"')).toBe('"Verein ""Brücke"""');
    expect(csvCell("=HYPERLINK(1)")).toBe(`"'=HYPERLINK(1)"`);
    expect(csvCell("-5")).toBe(`"'-5"`);
  });

  it("writes a BOM, semicolons and CRLF", () => {
    expect(
      toCsv([
        ["Name", "E-Mail"],
        ["Jörg", "j@example.org"],
      ]),
    ).toBe('\uFEFF"Name";"E-Mail"\r\n"Jörg";"j@example.org"\r\n');
  });
});
