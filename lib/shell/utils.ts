/** Pages that belong to a section without lying under its path. */
const SECTION_OF: Record<string, string> = {
  "/offers": "/organisations",
  "/search": "/forum",
  "/settings/notifications": "/notifications",
};

/**
 * Which of the header's links is the section the page belongs to: the one whose path the page's
 * path equals or lies under (/forum for /forum/t/12/slug), the longest if several do (/admin/signups
 * rather than /admin), or the one it belongs to (/offers to /organisations). `/` is current on the
 * landing page only.
 */
export function currentSection(path: string | null, hrefs: readonly string[]): string | null {
  if (!path) return null;
  const own = path.replace(/[?#].*$/, "");
  const pathname = SECTION_OF[own] ?? own;
  const within = (href: string) => pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
  return hrefs.filter(within).reduce<string | null>((a, b) => (a && a.length >= b.length ? a : b), null);
}
