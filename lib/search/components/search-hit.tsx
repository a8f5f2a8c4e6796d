import { postHref } from "@/lib/forum/utils";
import { HtmlElement } from "@/lib/ui/components/html-element";
import { type Html, type HtmlValue, html } from "@/lib/ui/html";
import type { SearchHit as Hit } from "../data";

/**
 * A search snippet with its matches highlighted. ts_headline marks them with [[[mark]]] delimiters
 * in the raw text; the `html` template escapes every piece, so nothing from a post can become markup.
 */
export function snippetHtml(text: string): Html {
  const parts = text.split(/\[\[\[(\/?)mark\]\]\]/);
  const out: HtmlValue[] = [];
  let marked = false;
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 1) {
      marked = parts[i] === "";
      continue;
    }
    const piece = parts[i]!;
    if (piece) out.push(marked ? html`<mark>${piece}</mark>` : piece);
  }
  return html`${out}`;
}

/**
 * One result: the thread, where and by whom, and the snippet; an HTML string, like the forum's posts.
 * `unnamed` labels an author whose name is kept from this viewer or whose account was erased.
 */
export function SearchHit({
  hit,
  date,
  unnamed,
}: {
  hit: Hit;
  date: (d: Date) => string;
  unnamed: { withheld: string; former: string };
}) {
  const author = hit.authorName ?? (hit.authorWithheld ? unnamed.withheld : unnamed.former);
  const href = postHref({ id: hit.threadId, slug: hit.threadSlug }, hit.number);
  return (
    <HtmlElement
      as="li"
      className="rounded-lg border border-gray-300 bg-white p-4"
      html={html`<h3 class="font-bold"><a href="${href}" class="inline-flex min-h-11 items-center"><bdi>${hit.threadTitle}</bdi></a></h3><p class="mb-1 text-sm text-muted"><bdi>${hit.categoryName}</bdi> · <bdi>${author}</bdi> · <time datetime="${hit.createdAt.toISOString()}">${date(hit.createdAt)}</time></p><p dir="auto" class="break-words [&amp;_mark]:bg-yellow-200 [&amp;_mark]:font-semibold">${snippetHtml(hit.snippet)}</p>`}
    />
  );
}
