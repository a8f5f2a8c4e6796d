/** The category's name with its colour as a stripe at the start edge (mirrors in right-to-left). */
export function CategoryBadge({ name, color, href }: { name: string; color: string; href: string }) {
  return (
    <a
      href={href}
      className="inline-flex min-h-11 items-center border-s-4 ps-2 text-sm font-semibold text-ink"
      style={{ borderColor: color }}
    >
      {name}
    </a>
  );
}
