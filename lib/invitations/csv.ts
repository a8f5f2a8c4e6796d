import { toFieldError } from "@/lib/forms/schema";
import type { FieldError } from "@/lib/forms/state";
import { Invite, MAX_CSV_ROWS } from "./schema";

export type CsvRow =
  | { line: number; ok: true; invite: Invite }
  | { line: number; ok: false; raw: string; email?: string; error: FieldError };

/** Splits one CSV line on the separator, honouring double quotes ("a, b" and "" inside quotes). */
function splitLine(text: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((s) => s.trim());
}

const HEADER_NAMES: Record<string, "name" | "email" | "locale"> = {
  name: "name",
  email: "email",
  "e-mail": "email",
  mail: "email",
  language: "locale",
  sprache: "locale",
  locale: "locale",
};

/**
 * Reads "name,email[,language]" rows (comma or semicolon, optional header line, as exported by
 * spreadsheets) and validates each row on its own, so one bad row never stops the others.
 */
export function parseInvitationCsv(content: string): { rows: CsvRow[]; tooMany: boolean } {
  const lines = content.replace(/^\uFEFF/, "").split(/\r?\n/);
  const firstLine = lines.find((l) => l.trim()) ?? "";
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let columns: ("name" | "email" | "locale" | undefined)[] = ["name", "email", "locale"];
  const rows: CsvRow[] = [];
  /** The line each address was first invited on: a second row with it is a duplicate in the file. */
  const firstLineOf = new Map<string, number>();
  let headerSeen = false;
  for (const [index, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    const cells = splitLine(raw, separator);
    if (!headerSeen) {
      headerSeen = true;
      const mapped = cells.map((c) => HEADER_NAMES[c.toLowerCase()]);
      if (mapped.includes("email")) {
        // cells past the header's last column keep their place in the default order (a language
        // typed into an unnamed third column must be checked, not silently dropped)
        const rest = columns.slice(mapped.length).map((c) => (c && mapped.includes(c) ? undefined : c));
        columns = [...mapped, ...rest];
        continue;
      }
    }
    if (rows.length >= MAX_CSV_ROWS) return { rows, tooMany: true };
    const record: Record<string, string> = {};
    columns.forEach((column, i) => {
      if (column && cells[i]) record[column] = cells[i];
    });
    if (record.locale) record.locale = record.locale.toLowerCase();
    const parsed = Invite.safeParse(record);
    const line = index + 1;
    const firstLine = parsed.success ? firstLineOf.get(parsed.data.email) : undefined;
    if (parsed.success && firstLine === undefined) {
      firstLineOf.set(parsed.data.email, line);
      rows.push({ line, ok: true, invite: parsed.data });
      continue;
    }
    const issue = parsed.error?.issues[0];
    rows.push({
      line,
      ok: false,
      raw: raw.slice(0, 200),
      email: record.email?.slice(0, 200),
      error:
        firstLine !== undefined
          ? { key: "csvDuplicateRow", values: { line: firstLine } }
          : // a file has no list to choose from: name the languages it may hold
            issue?.path[0] === "locale"
            ? { key: "csvUnknownLanguage" }
            : issue
              ? toFieldError(issue)
              : { key: "invalid" },
    });
  }
  return { rows, tooMany: false };
}
