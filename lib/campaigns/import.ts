import { z } from "zod";
import type { ContactStatus } from "@/db/schema/campaigns";
import type { Locale } from "@/lib/i18n/config";

export const MAX_IMPORT_ROWS = 50_000;
/** Rows per transaction of the import job; `processed` moves on after each. */
export const IMPORT_CHUNK = 500;
export const PREVIEW_ROWS = 10;
export const MAX_CONTACT_NAME = 100;

export type ImportColumn = "email" | "name" | "firstName" | "lastName" | "language";

/** Why a row is not imported: a message key under campaignContacts.reasons. */
export const ROW_REASONS = [
  "emailMissing",
  "invalidEmail",
  "invalidLanguage",
  "nameTooLong",
  "duplicateInFile",
  "suppressed",
  "member",
  "alreadyContact",
] as const;
export type RowReason = (typeof ROW_REASONS)[number];

/** A data record of the file; `row` is its row number as a spreadsheet shows it (header = 1). */
export type CsvRecord = { row: number; cells: string[] };

export type ParsedImport = {
  delimiter: "," | ";" | "\t";
  header: boolean;
  /** What each column holds (null: ignored). */
  columns: (ImportColumn | null)[];
  records: CsvRecord[];
};

/** Why a whole file is refused (a message key under campaignContacts.errors). */
export type FileProblem = "noEmailColumn" | "noRows" | "tooManyRows";

export type ImportContact = { row: number; email: string; name: string | null; locale: Locale };
export type CheckedRow =
  | { row: number; ok: true; contact: ImportContact; language: string }
  | { row: number; ok: false; email: string; name: string; language: string; reason: RowReason };

/** The separator used most often outside quotes on the first line (comma when there is none). */
function detectDelimiter(text: string): ParsedImport["delimiter"] {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && (c === "," || c === ";" || c === "\t")) counts[c] += 1;
  }
  const best = (Object.entries(counts) as [ParsedImport["delimiter"], number][]).sort(
    (a, b) => b[1] - a[1],
  )[0]!;
  return best[1] > 0 ? best[0] : ",";
}

/**
 * Splits CSV text into records (RFC 4180): quoted cells may hold separators, doubled quotes and line
 * breaks; lines end in LF, CRLF or CR. Every record keeps its number, blank ones included.
 */
export function splitCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    record.push(cell);
    cell = "";
  };
  const endRecord = () => {
    endCell();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) endCell();
    else if (c === "\n") endRecord();
    else if (c === "\r") {
      if (text[i + 1] === "\n") i++;
      endRecord();
    } else cell += c;
  }
  if (cell !== "" || record.length > 0) endRecord();
  return records;
}

/** Header names people use, folded (lower case, without spaces, hyphens, dots, apostrophes). */
const HEADERS: Record<string, ImportColumn> = Object.fromEntries(
  (
    [
      [
        "email",
        [
          "email",
          "mail",
          "emailadresse",
          "emailaddress",
          "mailadresse",
          "електроннапошта",
          "البريدالإلكتروني",
          "البريد",
        ],
      ],
      ["name", ["name", "fullname", "vollername", "kontakt", "contact", "імя", "прізвищеімя", "الاسم"]],
      ["firstName", ["vorname", "firstname", "givenname"]],
      ["lastName", ["nachname", "lastname", "surname", "familyname", "familienname"]],
      ["language", ["language", "sprache", "lang", "locale", "мова", "اللغة"]],
    ] as const
  ).flatMap(([column, names]) => names.map((name) => [name, column])),
);

const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s\-_.'’`]/g, "");

/** Language names and codes people type; anything else in the column is a row error. */
const LANGUAGES: Record<string, Locale> = {
  de: "de",
  deu: "de",
  ger: "de",
  deutsch: "de",
  german: "de",
  en: "en",
  eng: "en",
  englisch: "en",
  english: "en",
  ar: "ar",
  ara: "ar",
  arabisch: "ar",
  arabic: "ar",
  العربية: "ar",
  عربي: "ar",
  uk: "uk",
  ua: "uk",
  ukr: "uk",
  ukrainisch: "uk",
  ukrainian: "uk",
  українська: "uk",
};

/** The language a cell names (empty: German); null if it names none of ours. */
export function parseLanguage(value: string): Locale | null {
  const v = value.trim().toLowerCase();
  if (!v) return "de";
  return LANGUAGES[v] ?? LANGUAGES[v.split(/[-_]/)[0]!] ?? null;
}

/**
 * Without a header: the first cell with an @ is the address, a language code (de, en-GB …) the
 * language, the first other cell the name.
 */
function guessColumns(cells: string[]): (ImportColumn | null)[] {
  const columns: (ImportColumn | null)[] = cells.map(() => null);
  const emailAt = cells.findIndex((c) => c.includes("@"));
  if (emailAt < 0) return columns;
  columns[emailAt] = "email";
  cells.forEach((cell, i) => {
    if (i === emailAt || !cell.trim()) return;
    if (
      !columns.includes("language") &&
      /^[a-z]{2}([-_][a-z]{2})?$/i.test(cell.trim()) &&
      parseLanguage(cell)
    )
      columns[i] = "language";
    else if (!columns.includes("name")) columns[i] = "name";
  });
  return columns;
}

const isBlank = (cells: string[]) => cells.every((c) => !c.trim());

/**
 * Reads an uploaded contact list: a header line names the columns (E-Mail, Name, Vorname, Nachname,
 * Sprache …, in any order), or without one the columns are guessed from the first row. Refuses the
 * whole file only when no address column is found or it has no (or too many) rows.
 */
export function parseImportCsv(content: string): ParsedImport | { problem: FileProblem } {
  const text = content.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text);
  const all = splitCsv(text, delimiter);
  const firstAt = all.findIndex((cells) => !isBlank(cells));
  if (firstAt < 0) return { problem: "noRows" };
  const first = all[firstAt]!;
  const named = first.map((cell) => HEADERS[fold(cell)] ?? null);
  const header = named.includes("email");
  const columns = header
    ? named.map((c, i) => (c && named.indexOf(c) === i ? c : null)) // a repeated column: the first counts
    : guessColumns(first);
  if (!columns.includes("email")) return { problem: "noEmailColumn" };
  const records: CsvRecord[] = [];
  for (let i = header ? firstAt + 1 : firstAt; i < all.length; i++) {
    const cells = all[i]!;
    if (!isBlank(cells)) records.push({ row: i + 1, cells });
  }
  if (records.length === 0) return { problem: "noRows" };
  if (records.length > MAX_IMPORT_ROWS) return { problem: "tooManyRows" };
  return { delimiter, header, columns, records };
}

const validEmail = z.email();
const controlChars = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/gu;
const clean = (s: string) => s.replace(controlChars, " ").replace(/\s+/g, " ").trim();

/** "Anna Muster <anna@example.org>" and "mailto:anna@example.org" as address books export them. */
function splitAddress(value: string): { email: string; displayName: string } {
  const v = clean(value);
  const angle = v.match(/^(.*)<([^<>]+)>$/);
  const raw = angle ? angle[2]! : v;
  return {
    email: raw
      .replace(/^mailto:/i, "")
      .trim()
      .toLowerCase(),
    displayName: angle ? clean(angle[1]!.replace(/^"|"$/g, "")) : "",
  };
}

/**
 * Checks every row on its own (so one bad row never stops the others): address present and valid,
 * language one of ours, name not too long, address not already earlier in the file.
 */
export function checkRows(parsed: ParsedImport): CheckedRow[] {
  const at = (column: ImportColumn) => parsed.columns.indexOf(column);
  const [emailAt, nameAt, firstAt, lastAt, languageAt] = (
    ["email", "name", "firstName", "lastName", "language"] as const
  ).map(at);
  const seen = new Set<string>();
  return parsed.records.map(({ row, cells }) => {
    const cell = (index: number | undefined) =>
      index !== undefined && index >= 0 ? clean(cells[index] ?? "") : "";
    const { email, displayName } = splitAddress(cells[emailAt!] ?? "");
    const name = cell(nameAt) || clean(`${cell(firstAt)} ${cell(lastAt)}`) || displayName;
    const language = cell(languageAt);
    const fail = (reason: RowReason): CheckedRow => ({
      row,
      ok: false,
      email: email.slice(0, 254),
      name: name.slice(0, MAX_CONTACT_NAME),
      language: language.slice(0, 20),
      reason,
    });
    if (!email) return fail("emailMissing");
    if (email.length > 254 || !validEmail.safeParse(email).success) return fail("invalidEmail");
    const locale = parseLanguage(language);
    if (!locale) return fail("invalidLanguage");
    if (name.length > MAX_CONTACT_NAME) return fail("nameTooLong");
    if (seen.has(email)) return fail("duplicateInFile");
    seen.add(email);
    return { row, ok: true, language, contact: { row, email, name: name || null, locale } };
  });
}

/** What the database already knows about a set of addresses (all lower case). */
export type AddressFacts = {
  members: ReadonlySet<string>;
  suppressed: ReadonlySet<string>;
  contacts: ReadonlyMap<string, ContactStatus>;
};

/**
 * Why the database rules a valid row out, or null to import it. An unsubscribe always wins: such
 * an address is never mailed again. Members get campaigns as members, so they are not contacts too.
 * A contact still waiting for their double opt-in is confirmed by the import's legal basis.
 */
export function databaseReason(email: string, facts: AddressFacts): RowReason | null {
  const contact = facts.contacts.get(email);
  if (facts.suppressed.has(email) || contact === "unsubscribed") return "suppressed";
  if (facts.members.has(email)) return "member";
  if (contact === "confirmed") return "alreadyContact";
  return null;
}
