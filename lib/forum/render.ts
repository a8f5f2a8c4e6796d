import "server-only";
import { renderMarkdown } from "@/lib/markdown/render";
import { escapeHtml } from "@/lib/ui/html";

export type Mentioned = { id: string; name: string };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "@Name" as typed, not within a word or a link's text. */
const mentionPattern = (name: string) =>
  new RegExp(`(^|[^\\p{L}\\p{N}_@\\[])@${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "giu");

/**
 * A post's Markdown as safe HTML: mentions of known members become links to their profile, then
 * everything goes through the shared sanitiser (which drops scripts, handlers and unsafe URLs).
 */
export function renderPost(body: string, mentioned: Mentioned[] = []): string {
  let markdown = body;
  for (const person of [...mentioned].sort((a, b) => b.name.length - a.name.length)) {
    markdown = markdown.replace(
      mentionPattern(person.name),
      (_m, before: string) => `${before}[@${person.name.replace(/[[\]]/g, "")}](/members/${person.id})`,
    );
  }
  return renderMarkdown(markdown);
}

/** A person a post names whose name this reader may not see, with the threads they wrote in. */
export type WithheldPerson = { id: string; name: string; threads: number[] };

const PROFILE_LINK = /<a href="\/members\/([^"/?#]+)"[^>]*>([\s\S]*?)<\/a>/g;
const QUOTE_HEADER = /(<blockquote>\s*<p><strong>)([^<]*?)(:<\/strong>)/g;

const unescapeHtml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, "&");

/** A post's HTML's links to members' profiles, each with its text as the reader sees it ("@Anna Berg"). */
export const profileLinks = (html: string): { id: string; text: string }[] =>
  [...html.matchAll(PROFILE_LINK)].map((m) => ({
    id: m[1]!,
    text: unescapeHtml(m[2]!.replace(/<[^>]*>/g, "")).trim(),
  }));

/** The members a post's HTML links to: its mentions and (since they carry the link) quoted authors. */
export const profileLinkIds = (html: string): string[] => [
  ...new Set([...html.matchAll(PROFILE_LINK)].map((m) => m[1]!)),
];

/**
 * A post's stored HTML with the names of `withheld` people replaced by `label` ("Mitglied des
 * Netzwerks"), for a reader who may not see them: links to their profiles (mentions, and quotes'
 * authors) become the label without the link, "@" kept; a quote header of the older, unlinked form
 * ("Anna:") when Anna wrote in this thread; and an "@Name" left unlinked, as in a quoted post.
 */
export function withholdNames(
  html: string,
  withheld: WithheldPerson[],
  label: string,
  threadId: number,
): string {
  if (withheld.length === 0) return html;
  const shown = escapeHtml(label);
  const ids = new Set(withheld.map((p) => p.id));
  let out = html.replace(PROFILE_LINK, (link, id: string, text: string) =>
    ids.has(id) ? (text.replace(/<[^>]*>/g, "").startsWith("@") ? `@${shown}` : shown) : link,
  );
  const authors = new Set(
    withheld.filter((p) => p.threads.includes(threadId)).map((p) => p.name.toLowerCase()),
  );
  out = out.replace(QUOTE_HEADER, (header, open: string, name: string, close: string) =>
    authors.has(unescapeHtml(name).trim().toLowerCase()) ? `${open}${shown}${close}` : header,
  );
  const names = [...new Set(withheld.map((p) => p.name))].sort((a, b) => b.length - a.length);
  // Only text between tags, and not a link's text (a mention of someone else whose name begins alike).
  let inLink = false;
  return out
    .split(/(<[^>]*>)/)
    .map((part, i) => {
      if (i % 2 === 1) {
        if (/^<a[\s>]/i.test(part)) inLink = true;
        else if (/^<\/a>/i.test(part)) inLink = false;
        return part;
      }
      if (inLink || !part.includes("@")) return part;
      const text = unescapeHtml(part);
      const replaced = names.reduce(
        (t, name) => t.replace(mentionPattern(name), (_m, before: string) => `${before}@${label}`),
        text,
      );
      return replaced === text ? part : escapeHtml(replaced);
    })
    .join("");
}

/**
 * A post's Markdown (or an earlier version of it) with these people's names replaced by `label`, as
 * `withholdNames` does in its HTML: links to their profiles (quotes' authors), a quote header of the
 * older, unlinked form when they wrote in this thread, and every "@Name".
 */
export function withholdNamesInMarkdown(
  body: string,
  people: WithheldPerson[],
  label: string,
  threadId: number,
  /** Others' mentions as the post shows them ("@Anna Berg-Schulz"): kept, also where a name begins alike. */
  keep: string[] = [],
): string {
  if (people.length === 0) return body;
  const shown = label.replace(/[*_`[\]<>]/g, "");
  let out = body;
  for (const id of new Set(people.map((p) => p.id))) {
    out = out.replace(
      new RegExp(String.raw`\[(@?)[^\]\n]*\]\(/members/${escapeRegExp(id)}\)`, "g"),
      (_m, at: string) => `${at}${shown}`,
    );
  }
  const names = [...new Set(people.map((p) => p.name))].sort((a, b) => b.length - a.length);
  const authors = people.filter((p) => p.threads.includes(threadId)).map((p) => p.name);
  for (const name of [...new Set(authors)]) {
    out = out.replace(
      new RegExp(
        String.raw`^([ \t]*(?:>[ \t]*)+\*\*)[ \t]*${escapeRegExp(name)}[ \t]*(:\*\*[ \t]*)$`,
        "gimu",
      ),
      (_m, open: string, close: string) => `${open}${shown}${close}`,
    );
  }
  // Others' longer mentions are set aside first, so "@Anna Berg" does not turn into "@label Schulz".
  const kept = keep
    .filter((k) => !names.some((n) => k.toLowerCase() === `@${n.toLowerCase()}`))
    .sort((a, b) => b.length - a.length);
  const aside: string[] = [];
  const guarded = kept.reduce(
    (text, k) =>
      text.replace(
        new RegExp(`${escapeRegExp(k)}(?![\\p{L}\\p{N}])`, "giu"),
        (m) => `\uE000${aside.push(m) - 1}\uE000`,
      ),
    out,
  );
  const replaced = names.reduce(
    (text, name) => text.replace(mentionPattern(name), (_m, before: string) => `${before}@${shown}`),
    guarded,
  );
  return replaced.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => aside[Number(i)]!);
}

/** `[[[mark]]]` / `[[[/mark]]]`: how search snippets mark matches (lib/search/data.ts). */
const MARK = String.raw`\[\[\[\/?mark\]\]\]`;

/**
 * A search snippet's plain text with these names replaced by `label`, also where the search marked
 * a word of a name (the marks stay balanced).
 */
export function withholdNamesInText(text: string, names: string[], label: string): string {
  let out = text;
  for (const name of [...new Set(names)].sort((a, b) => b.length - a.length)) {
    const words = name.split(/\s+/).filter(Boolean).map(escapeRegExp);
    if (words.length === 0) continue;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${words.join(`(?:\\s|${MARK})+`)}(?![\\p{L}\\p{N}])`,
      "giu",
    );
    out = out.replace(pattern, (match) => {
      const opened = (match.match(/\[\[\[mark\]\]\]/g) ?? []).length;
      const closed = (match.match(/\[\[\[\/mark\]\]\]/g) ?? []).length;
      return `${closed > opened ? "[[[/mark]]]" : ""}${label}${opened > closed ? "[[[mark]]]" : ""}`;
    });
  }
  return out;
}
