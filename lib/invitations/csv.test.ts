import { describe, expect, it } from "vitest";
import { parseInvitationCsv } from "./csv";

describe("parseInvitationCsv", () => {
  it("reads a spreadsheet export with header, semicolons, quotes and a BOM", () => {
    const csv =
      '\uFEFFName;E-Mail;Sprache\r\n"Müller, Anna";Anna.Mueller@Example.org;en\r\nOmar Haddad;omar@example.org;\r\n';
    const { rows } = parseInvitationCsv(csv);
    expect(rows).toEqual([
      {
        line: 2,
        ok: true,
        invite: { name: "Müller, Anna", email: "anna.mueller@example.org", locale: "en" },
      },
      { line: 3, ok: true, invite: { name: "Omar Haddad", email: "omar@example.org", locale: "de" } },
    ]);
  });

  it("reads rows without a header in the order name, email, language", () => {
    const { rows } = parseInvitationCsv("Olena Kovalenko,olena@example.org,uk");
    expect(rows[0]).toMatchObject({ ok: true, invite: { email: "olena@example.org", locale: "uk" } });
  });

  it("reports each bad row with its line number and keeps the good ones", () => {
    const { rows } = parseInvitationCsv(
      "name,email\nAnna,not-an-address\n,b@example.org\nCarla Dietz,carla@example.org\nDan,d@example.org,xx",
    );
    expect(rows.map((r) => [r.line, r.ok, r.ok ? r.invite.email : r.error.key])).toEqual([
      [2, false, "invalidEmail"],
      [3, false, "required"],
      [4, true, "carla@example.org"],
      [5, false, "csvUnknownLanguage"],
    ]);
  });

  it("names the allowed languages for an unknown one and keeps the row's e-mail address", () => {
    const { rows } = parseInvitationCsv("Falsche Sprache,fs.qa@example.net,fr\nOhne Adresse,,de");
    expect(rows).toMatchObject([
      { line: 1, ok: false, email: "fs.qa@example.net", error: { key: "csvUnknownLanguage" } },
      { line: 2, ok: false, email: undefined, error: { key: "required" } },
    ]);
  });

  it("carries the limit of a too short or too long name, for the message to name it", () => {
    const { rows } = parseInvitationCsv(
      `Name;E-Mail;Sprache\nX;x1@example.net;en\n${"L".repeat(101)};l@example.net`,
    );
    expect(rows).toMatchObject([
      { line: 2, ok: false, error: { key: "tooShort", values: { min: 2 } } },
      { line: 3, ok: false, error: { key: "tooLong", values: { max: 100 } } },
    ]);
  });

  it("reports a second row with an address already in the file as a duplicate of that line", () => {
    const { rows } = parseInvitationCsv(
      "name,email\nAnna Berg,not-an-address\nAnna Berg,anna@example.org\nAnna B.,Anna@Example.org",
    );
    expect(rows.map((r) => [r.line, r.ok ? "ok" : r.error])).toEqual([
      [2, { key: "invalidEmail", values: {} }],
      [3, "ok"],
      [4, { key: "csvDuplicateRow", values: { line: 3 } }],
    ]);
  });

  it("stops at the row limit and says so", () => {
    const csv = Array.from({ length: 1005 }, (_, i) => `Person ${i},p${i}@example.org`).join("\n");
    const result = parseInvitationCsv(csv);
    expect(result.tooMany).toBe(true);
    expect(result.rows).toHaveLength(1000);
  });
});
