/**
 * How the profile's search columns are derived; every write that changes a name, function,
 * organisation or bio recomputes them with these functions (and migration 0002 did the same in SQL).
 */

/** "Müller-Lüdenscheidt" → "muller-ludenscheidt", so a search for "Muller" finds "Müller". */
export function foldName(name: string): string {
  return name
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .replace(/ł/g, "l")
    .toLowerCase()
    .trim();
}

/** The text the German full-text index covers: name, function, organisation and bio. */
export function profileSearchText(parts: {
  name: string | null;
  jobFunction: string | null;
  organisation: string | null;
  bio: string | null;
}): string {
  return [parts.name, parts.jobFunction, parts.organisation, parts.bio].filter(Boolean).join(" ");
}
