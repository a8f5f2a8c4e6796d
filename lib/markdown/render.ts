import "server-only";
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

const ALLOWED_TAGS = [
  "h2",
  "h3",
  "h4",
  "p",
  "br",
  "hr",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
];

/**
 * Pages show the same texts again and again (a conversation's latest messages, a profile's bio), and
 * rendering is pure: the HTML of recent texts is kept, up to this many characters of source and HTML
 * together, the oldest going first.
 */
const MEMO_SIZE = 4_000_000;
const memo = new Map<string, string>();
let memoSize = 0;

/**
 * Markdown → safe HTML, from the memo when this very text was rendered recently. Headings start at
 * h2 (a page's own sections), or lower where the text sits under a heading of its own: an offer's
 * description under its h3 title takes `headingsFrom: 4`. A single line break stays one, as in an
 * address or opening hours typed line by line: people here write in a textarea, not hard-wrapped
 * Markdown (Discourse does the same).
 */
export function renderMarkdown(
  markdown: string,
  { headingsFrom = 2 }: { headingsFrom?: 2 | 4 } = {},
): string {
  const key = headingsFrom === 2 ? markdown : `h${headingsFrom}\u0000${markdown}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const html = renderUncached(markdown, headingsFrom);
  const size = key.length + html.length;
  if (size > MEMO_SIZE / 100) return html;
  memo.set(key, html);
  memoSize += size;
  for (const [source, rendered] of memo) {
    if (memoSize <= MEMO_SIZE) break;
    memo.delete(source);
    memoSize -= source.length + rendered.length;
  }
  return html;
}

/** Test hook: how many characters the memo holds. */
export const markdownMemoSize = () => memoSize;

/**
 * Markdown → HTML that is safe to insert: only listed tags and attributes survive, links may only
 * point to http(s), mailto or tel, and every link to another site opens with rel="noopener noreferrer".
 */
function renderUncached(markdown: string, headingsFrom: 2 | 4): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href", "title", "rel"], th: ["scope"], td: [], code: [] },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowProtocolRelative: false,
    transformTags: {
      ...(headingsFrom === 4 ? { h1: "h4", h2: "h4", h3: "h4" } : { h1: "h2" }),
      a: (tagName, attribs) => ({
        tagName,
        attribs: /^https?:/i.test(attribs.href ?? "") ? { ...attribs, rel: "noopener noreferrer" } : attribs,
      }),
    },
  });
}
