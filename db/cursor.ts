/**
 * Keyset cursors in links: the row's exact timestamp as PostgreSQL prints it (microseconds, which a
 * JavaScript Date would cut to milliseconds and so skip rows) and its id.
 */
export type Cursor = { at: string; id: string };
export const encodeCursor = (c: Cursor) => Buffer.from(`${c.at}|${c.id}`).toString("base64url");
export function decodeCursor(value: unknown): Cursor | null {
  if (typeof value !== "string" || value.length > 200) return null;
  const [at = "", id = ""] = Buffer.from(value, "base64url").toString().split("|");
  if (!id || !/^\d{4}-\d{2}-\d{2}[ T][\d:.]+([+-]\d{2}(:?\d{2})?|Z)?$/.test(at)) return null;
  return { at, id };
}
