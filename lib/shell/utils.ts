/**
 * Which of the header's links is the section the page belongs to: the one whose path the page's
 * path equals or lies under (/forum for /forum/t/12/slug), the longest if several do (/admin/signups
 * rather than /admin). `/` is current on the landing page only.
 */
export function currentSection(path: string | null, hrefs: readonly string[]): string | null {
  if (!path) return null;
  const pathname = path.replace(/[?#].*$/, "");
  const within = (href: string) => pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
  return hrefs.filter(within).reduce<string | null>((a, b) => (a && a.length >= b.length ? a : b), null);
}
