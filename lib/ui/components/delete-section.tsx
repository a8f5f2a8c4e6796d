/**
 * The end of an edit page: what deleting removes, and a link to the confirmation step (`?confirm=delete`,
 * a plain page that needs no script), which holds the only form that deletes.
 */
export function DeleteSection({
  title,
  hint,
  label,
  pageHref,
}: {
  title: string;
  hint: string;
  label: string;
  pageHref: string;
}) {
  return (
    <section aria-labelledby="delete-heading" className="border-t border-gray-300 pt-6">
      <h2 id="delete-heading" className="mb-2 text-xl font-bold">
        {title}
      </h2>
      <p className="mb-3">{hint}</p>
      <a
        href={`${pageHref}?confirm=delete#confirm-heading`}
        className="inline-flex min-h-11 items-center rounded-md border-2 border-danger px-4 font-semibold text-danger no-underline"
      >
        {label}
      </a>
    </section>
  );
}
