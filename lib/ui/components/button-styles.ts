export const primaryButton =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-brand px-5 py-2 font-semibold text-white no-underline hover:bg-brand-dark disabled:opacity-60";
export const secondaryButton =
  "inline-flex min-h-11 items-center justify-center rounded-md border-2 border-brand bg-white px-5 py-2 font-semibold text-brand no-underline hover:bg-blue-50";
/**
 * Text fields: what people type takes its own direction, line by line (`unicode-bidi: plaintext`), so
 * a German name in the Arabic layout runs from the left; an empty field keeps the page's direction.
 */
export const inputStyle =
  "block w-full min-h-11 rounded-md border border-gray-500 bg-white px-3 py-2 text-base [unicode-bidi:plaintext] aria-[invalid=true]:border-danger aria-[invalid=true]:border-2";
export const cardStyle = "rounded-lg border border-gray-300 bg-white p-5 shadow-sm";
/** The row of small buttons beside each item of an admin list (publish, move, edit). */
export const smallButton =
  "inline-flex min-h-11 items-center rounded border border-gray-500 bg-white px-3 text-sm font-semibold";
