/** A form's fields as a server action receives them (numbers as their text). */
export function form(fields: Record<string, string | number | File>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    data.set(name, typeof value === "number" ? String(value) : value);
  return data;
}
