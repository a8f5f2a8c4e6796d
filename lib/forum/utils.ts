import { MENTION_NAME } from "./components/mention-query";
export const POSTS_PER_PAGE = 20;
export const THREADS_PER_PAGE = 30;

/** The page a post number is on: posts 1–20 on page 1, 21–40 on page 2 … */
export const pageOfNumber = (number: number): number => Math.max(1, Math.ceil(number / POSTS_PER_PAGE));

/** The post numbers on a page, as the half-open range (from, to]. */
export const numberRange = (page: number): { after: number; upTo: number } => ({
  after: (page - 1) * POSTS_PER_PAGE,
  upTo: page * POSTS_PER_PAGE,
});

export const pageCount = (lastNumber: number): number => pageOfNumber(Math.max(1, lastNumber));

/** A URL-friendly form of a title, German umlauts spelled out. */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "thema";
}

/** A post's anchor on its thread page, which names it within its thread whatever the thread's title. */
export const postAnchor = (number: number): string => `post-${number}`;

export const threadHref = (thread: { id: number; slug: string }, page = 1, number?: number): string =>
  `/forum/t/${thread.id}/${thread.slug}${page > 1 ? `?page=${page}` : ""}${number ? `#${postAnchor(number)}` : ""}`;

export const postHref = (thread: { id: number; slug: string }, number: number): string =>
  threadHref(thread, pageOfNumber(number), number);

/** A post's page of earlier versions. */
export const historyHref = (postId: number): string => `/forum/p/${postId}/history`;

/** A thread link with a flag for the page's notice (`held=1`, `restored=1`), before its #post anchor. */

export const withNotice = (href: string, notice: string): string => {
  const [path, anchor] = href.split("#");
  return `${path}${path!.includes("?") ? "&" : "?"}${notice}=1${anchor ? `#${anchor}` : ""}`;
};

/**
 * Page links to show around the current one: first, last and a window, with gaps as null.
 * [1, null, 48, 49, 50, 51, 52, null, 500]
 */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
  const pages = new Set<number>([1, total]);
  for (let p = current - radius; p <= current + radius; p++) if (p >= 1 && p <= total) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  for (const [i, p] of sorted.entries()) {
    if (i > 0 && p - sorted[i - 1]! > 1) result.push(null);
    result.push(p);
  }
  return result;
}

const MENTION = new RegExp(String.raw`(^|[^\p{L}\p{N}_@])@(${MENTION_NAME})`, "gu");

/**
 * Candidate names after each "@": one to MENTION_WORDS_MAX words, longest first ("@Mariam Saleh
 * danke" → "mariam saleh danke", "mariam saleh", "mariam"). Lower-cased for matching against names.
 * Code is left out, and quoted lines ("> ") unless `inQuotes`: quoting a post does not mention its
 * people again, but the names it quotes are still names to show as the reader may see them. Every
 * "@" counts: the text's length bounds them (MAX_BODY), and how many members one post may name is
 * checked where it is written (MAX_MENTIONS).
 */
export function mentionCandidates(body: string, { inQuotes = false } = {}): string[][] {
  const withoutCode = body.replace(/```[\s\S]*?```/g, "").replace(/`[^`]*`/g, "");
  const ownText = inQuotes ? withoutCode : withoutCode.replace(/^[ \t]*>.*$/gm, "");
  const result: string[][] = [];
  for (const match of ownText.matchAll(MENTION)) {
    const words = match[2]!.split(/[ \t]+/).map((w) => w.replace(/[.'’]+$/, ""));
    const options: string[] = [];
    for (let n = words.length; n >= 1; n--) options.push(words.slice(0, n).join(" ").toLowerCase());
    result.push(options);
  }
  return result;
}

/**
 * A quote of another post, as Markdown to start a reply with. The author's name links to their
 * profile, so that each reader sees the name as they may (lib/forum/render.ts `withholdNames`).
 */
export function quoteMarkdown(author: { id: string | null; name: string }, body: string): string {
  const text = body
    .trim()
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
  const name = author.name.replace(/[*_`[\]<>]/g, "");
  return `> **${author.id ? `[${name}](/members/${author.id})` : name}:**\n${text}\n\n`;
}

/** The names in quote headers of the form quotes had before they linked the author ("> **Anna:**"), lower-cased. */
export function plainQuoteAuthors(body: string): string[] {
  return [...body.matchAll(/^[ \t]*>[ \t]*\*\*([^*[\]\n]+?):\*\*[ \t]*$/gm)].map((m) =>
    m[1]!.trim().toLowerCase(),
  );
}

export const REACTIONS = ["👍", "❤️", "🎉", "🙏", "😊"] as const;
export type Reaction = (typeof REACTIONS)[number];

/** A reaction button's value, "12345 👍": one form serves every post of a page. */
/**
 * A reaction button's value: the post, the emoji and what pressing it does ("+" give, "-" take back).
 * The state it asks for, not a toggle: a double click (or a resent form) gives the reaction once
 * instead of taking it back again.
 */
export const reactionValue = (postId: number, emoji: Reaction, give: boolean) =>
  `${postId} ${emoji} ${give ? "+" : "-"}`;
export const parseReactionValue = (value: unknown) => {
  const [postId, emoji, state] = typeof value === "string" ? value.split(" ", 3) : [];
  return { postId, emoji, give: state !== "-" };
};
