/**
 * HTML written as a string, for the items of long server-rendered lists (the posts of a thread page)
 * and for e-mails. A React element costs the server a node in the RSC payload, another when that
 * payload is read back for the HTML, and a third when the HTML is written; a string costs it one
 * copy. Every interpolated value is escaped unless it is already `Html`, so markup only enters
 * through `html` itself or through `trustedHtml` (for HTML sanitised on the server, as post bodies).
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export class Html {
  constructor(readonly value: string) {}
}

/** As in JSX, `null`, `undefined`, `true` and `false` render nothing; arrays render each item. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

/** HTML already made safe elsewhere (sanitised Markdown): inserted as it is. */
export const trustedHtml = (value: string) => new Html(value);

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || typeof value === "boolean") return "";
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** A template whose interpolations are escaped: html`<a href="${url}">${label}</a>`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}
