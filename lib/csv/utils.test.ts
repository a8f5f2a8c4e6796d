import { describe, expect, it } from "vitest";
import { decodeCsv } from "./utils";

describe("decodeCsv", () => {
  it("reads UTF-8, UTF-16 with BOM, and falls back to Windows-1252 for old Excel files", () => {
    expect(decodeCsv(new TextEncoder().encode("Jürgen"))).toBe("Jürgen");
    expect(decodeCsv(Uint8Array.from([0xff, 0xfe, 0x4a, 0x00, 0xfc, 0x00]))).toBe("\uFEFFJü".slice(1));
    expect(decodeCsv(Uint8Array.from([0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e, 0x80]))).toBe("Jürgen€");
  });

  it("reads a German Excel export whose names are in Windows-1252", () => {
    // "Jürgen Müller;juergen@example.org;de" and „Straße“ as German Excel saves them
    const bytes = Uint8Array.from([
      ...[0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b],
      ...new TextEncoder().encode("juergen@example.org;de\r\n"),
      ...[0x84, 0x53, 0x74, 0x72, 0x61, 0xdf, 0x65, 0x93],
    ]);
    expect(decodeCsv(bytes)).toBe("Jürgen Müller;juergen@example.org;de\r\n„Straße“");
  });
});
