import { describe, expect, it } from "vitest";
import {
  type AddressFacts,
  checkRows,
  databaseReason,
  MAX_IMPORT_ROWS,
  type ParsedImport,
  parseImportCsv,
  parseLanguage,
  splitCsv,
} from "./import";

function parse(csv: string): ParsedImport {
  const parsed = parseImportCsv(csv);
  if ("problem" in parsed) throw new Error(`refused: ${parsed.problem}`);
  return parsed;
}

const summary = (csv: string) =>
  checkRows(parse(csv)).map((r) =>
    r.ok ? [r.row, r.contact.email, r.contact.name, r.contact.locale] : [r.row, r.email, r.reason],
  );

describe("parseImportCsv", () => {
  it("reads a German Excel export: BOM, semicolons, CRLF, quoted cells with separators and quotes", () => {
    const csv =
      '\uFEFFName;E-Mail-Adresse;Sprache\r\n"Müller; Anna";Anna.Mueller@Example.org;en\r\n"Omar ""Abu Sami"" Haddad";omar@example.org;\r\n';
    const parsed = parse(csv);
    expect(parsed).toMatchObject({ delimiter: ";", header: true, columns: ["name", "email", "language"] });
    expect(summary(csv)).toEqual([
      [2, "anna.mueller@example.org", "Müller; Anna", "en"],
      [3, "omar@example.org", 'Omar "Abu Sami" Haddad', "de"],
    ]);
  });

  it("finds the columns by their header in any order and ignores columns it does not know", () => {
    const csv = "Organisation,Sprache,E-Mail,Vorname,Nachname\nCaritas,Arabisch,rana@example.org,Rana,Aziz\n";
    expect(parse(csv).columns).toEqual([null, "language", "email", "firstName", "lastName"]);
    expect(summary(csv)).toEqual([[2, "rana@example.org", "Rana Aziz", "ar"]]);
  });

  it("reads a file without header: the column with an @ is the address, a language code the language", () => {
    const csv = "olena@example.org,Olena Kovalenko,uk\npetra@example.org,Petra Schulz,\n";
    expect(parse(csv)).toMatchObject({
      header: false,
      delimiter: ",",
      columns: ["email", "name", "language"],
    });
    expect(summary(csv)).toEqual([
      [1, "olena@example.org", "Olena Kovalenko", "uk"],
      [2, "petra@example.org", "Petra Schulz", "de"],
    ]);
  });

  it("reads a single address column and tab-separated files", () => {
    expect(summary("email\na@example.org\nb@example.org")).toEqual([
      [2, "a@example.org", null, "de"],
      [3, "b@example.org", null, "de"],
    ]);
    expect(summary("E-Mail\tName\nc@example.org\tCem Yilmaz\n")).toEqual([
      [2, "c@example.org", "Cem Yilmaz", "de"],
    ]);
  });

  it("keeps line breaks inside quotes in one cell and counts rows as a spreadsheet does", () => {
    const csv = 'email,name\n"a@example.org","Anna\nMuster"\n\nb@example.org,Ben\rc@example.org,Cara';
    // the blank line is skipped but keeps its number, like an empty row in a spreadsheet
    expect(summary(csv)).toEqual([
      [2, "a@example.org", "Anna Muster", "de"],
      [4, "b@example.org", "Ben", "de"],
      [5, "c@example.org", "Cara", "de"],
    ]);
  });

  it("refuses a file without an address column, without rows, or with too many rows", () => {
    expect(parseImportCsv("Name;Telefon\nAnna;0345 123\n")).toEqual({ problem: "noEmailColumn" });
    expect(parseImportCsv("E-Mail;Name\n;\n\n")).toEqual({ problem: "noRows" });
    expect(parseImportCsv("\uFEFF\r\n")).toEqual({ problem: "noRows" });
    const many = ["email", ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `p${i}@example.org`)];
    expect(parseImportCsv(many.join("\n"))).toEqual({ problem: "tooManyRows" });
    expect("problem" in parseImportCsv(many.slice(0, -1).join("\n"))).toBe(false);
  });
});

describe("checkRows", () => {
  it("reports each bad row with its number and reason and keeps the good ones", () => {
    const csv = [
      "E-Mail;Name;Sprache",
      "gut@example.org;Gut;de",
      "kein-at-zeichen;Falsch;de",
      ";Ohne Adresse;de",
      "lang@example.org;Französisch;fr",
      `lang2@example.org;${"x".repeat(101)};de`,
      "GUT@example.org;Nochmal;en",
      "weiter@example.org;Weiter;EN",
    ].join("\n");
    expect(summary(csv)).toEqual([
      [2, "gut@example.org", "Gut", "de"],
      [3, "kein-at-zeichen", "invalidEmail"],
      [4, "", "emailMissing"],
      [5, "lang@example.org", "invalidLanguage"],
      [6, "lang2@example.org", "nameTooLong"],
      [7, "gut@example.org", "duplicateInFile"],
      [8, "weiter@example.org", "Weiter", "en"],
    ]);
  });

  it("takes addresses as address books export them and strips control characters", () => {
    const csv = 'email\n"Anna Muster <Anna@Example.org>"\nmailto:ben@example.org\n"c@example.org\u0007"';
    expect(summary(csv)).toEqual([
      [2, "anna@example.org", "Anna Muster", "de"],
      [3, "ben@example.org", null, "de"],
      [4, "c@example.org", null, "de"],
    ]);
  });
});

describe("parseLanguage", () => {
  it("knows codes and names in the four languages and says no to others", () => {
    expect(
      ["de", "DE", "de-AT", "Deutsch", "", "en_GB", "English", "ar", "العربية", "Ukrainisch", "ua"].map(
        parseLanguage,
      ),
    ).toEqual(["de", "de", "de", "de", "de", "en", "en", "ar", "ar", "uk", "uk"]);
    expect(parseLanguage("fr")).toBeNull();
    expect(parseLanguage("Türkisch")).toBeNull();
  });
});

describe("splitCsv", () => {
  it("keeps an unclosed quote's text rather than losing the row", () => {
    expect(splitCsv('a,"b,c\n', ",")).toEqual([["a", "b,c\n"]]);
  });
});

describe("databaseReason", () => {
  const facts: AddressFacts = {
    members: new Set(["member@example.org", "both@example.org"]),
    suppressed: new Set(["gone@example.org", "both@example.org"]),
    contacts: new Map([
      ["known@example.org", "confirmed"],
      ["waiting@example.org", "pending"],
      ["left@example.org", "unsubscribed"],
    ]),
  };
  it("never imports an unsubscribed address, skips members and known contacts, confirms waiting ones", () => {
    expect(
      ["gone", "both", "left", "member", "known", "waiting", "new"].map((n) =>
        databaseReason(`${n}@example.org`, facts),
      ),
    ).toEqual(["suppressed", "suppressed", "suppressed", "member", "alreadyContact", null, null]);
  });
});
