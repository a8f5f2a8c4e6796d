/** The next privacy policy version: today's date in Berlin, with a counter if one exists already today. */
export function nextPolicyVersion(current: string, now: Date = new Date()): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(now);
  if (!current.startsWith(today)) return today;
  const counter = Number(current.slice(today.length + 1)) || 1;
  return `${today}-${counter + 1}`;
}

/** A darker shade of a colour (for hover states), mixed toward black. */
export function darken(hex: string, amount = 0.35): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.round(((value >> shift) & 255) * (1 - amount));
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, "0")).join("")}`;
}
