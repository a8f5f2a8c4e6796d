import "server-only";
import { renderMarkdown } from "@/lib/markdown/render";

export type Mentioned = { id: string; name: string };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A post's Markdown as safe HTML: mentions of known members become links to their profile, then
 * everything goes through the shared sanitiser (which drops scripts, handlers and unsafe URLs).
 */
export function renderPost(body: string, mentioned: Mentioned[] = []): string {
  let markdown = body;
  for (const person of [...mentioned].sort((a, b) => b.name.length - a.name.length)) {
    const pattern = new RegExp(
      `(^|[^\\p{L}\\p{N}_@\\[])@${escapeRegExp(person.name)}(?![\\p{L}\\p{N}])`,
      "giu",
    );
    markdown = markdown.replace(
      pattern,
      (_m, before: string) => `${before}[@${person.name.replace(/[[\]]/g, "")}](/members/${person.id})`,
    );
  }
  return renderMarkdown(markdown, { breaks: true });
}
