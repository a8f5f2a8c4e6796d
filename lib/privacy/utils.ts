/** A local path to return to after the consent page; anything else (other hosts, "//x") goes home. */
export function safeNextPath(next: string | undefined | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/home";
  if (next.startsWith("/settings/privacy/accept")) return "/home";
  return next.slice(0, 500);
}
