type PageLink = { href: string; label: string };

/**
 * The links of a keyset-paged list: back to the first (or newest) page, to the previous one and on to
 * the next one. Shown only when there is somewhere to go; previous and next carry rel="prev"/"next".
 */
export function PageLinks({
  label,
  first,
  previous,
  next,
}: {
  label: string;
  first?: PageLink;
  previous?: PageLink;
  next?: PageLink;
}) {
  if (!first && !previous && !next) return null;
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap gap-4">
      {first ? (
        <a href={first.href} className="inline-flex min-h-11 items-center">
          {first.label}
        </a>
      ) : null}
      {previous ? (
        <a href={previous.href} rel="prev" className="inline-flex min-h-11 items-center">
          {previous.label}
        </a>
      ) : null}
      {next ? (
        <a href={next.href} rel="next" className="inline-flex min-h-11 items-center">
          {next.label}
        </a>
      ) : null}
    </nav>
  );
}
