/** One CSV cell: quoted, quotes doubled, and a leading = + - @ defused so spreadsheets do not run it. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * Rows as CSV for German spreadsheet programs: semicolons, CRLF, and a byte-order mark so that
 * umlauts open correctly in Excel.
 */
export function toCsv(rows: string[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
