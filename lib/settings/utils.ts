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

/**
 * The From header for the sender set at /admin/settings, or null to send as MAIL_FROM. A name
 * without an address goes with MAIL_FROM's address ("Name <a@b>" or a bare "a@b").
 */
export function mailSenderHeader(
  name: string | null,
  address: string | null,
  mailFrom: string,
): string | null {
  if (!name && !address) return null;
  const sender = address || (mailFrom.match(/<([^<>]+)>\s*$/)?.[1] ?? mailFrom).trim();
  return name ? `"${name.replace(/["\\\r\n]/g, "")}" <${sender}>` : sender;
}
