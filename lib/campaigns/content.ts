import type { CampaignVersion } from "@/db/schema/campaigns";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";

export type Versions = Partial<Record<string, CampaignVersion>>;

/** The recipient's language version if it has a subject and text, German otherwise. */
export function pickVersion(
  versions: Versions,
  locale: string | null | undefined,
): {
  locale: Locale;
  version: CampaignVersion;
} {
  const own = locale && isLocale(locale) ? versions[locale] : undefined;
  if (own?.subject.trim() && own.body.trim()) return { locale: locale as Locale, version: own };
  return { locale: DEFAULT_LOCALE, version: versions[DEFAULT_LOCALE] ?? { subject: "", body: "" } };
}

const MERGE_FIELD = /\{\{\s*name\s*(?:\|([^}]*))?\}\}/g;
/** A template with its merge fields taken out: rendered once, filled per recipient. */
export type MergeTemplate = (name: string | null) => string;

/**
 * Renders `source` once with each `{{name}}` field replaced by a plain marker that every renderer
 * keeps as it is, then fills the markers per recipient with `encode(value)`. This way a campaign of
 * 10,000 recipients renders its Markdown once, not 10,000 times.
 */
export function compileMergeTemplate(
  source: string,
  render: (text: string) => string,
  encode: (value: string) => string = (v) => v,
): MergeTemplate {
  const fallbacks: (string | undefined)[] = [];
  const marked = source.replace(MERGE_FIELD, (_match, fallback: string | undefined) => {
    fallbacks.push(fallback?.trim());
    return `KPMERGE${fallbacks.length - 1}X`;
  });
  const parts = render(marked).split(/KPMERGE(\d+)X/);
  return (name) =>
    parts
      .map((part, index) => {
        if (index % 2 === 0) return part;
        return encode(name?.trim() || fallbacks[Number(part)] || "");
      })
      .join("");
}

/** Elements whose content the HTML part drops along with the tag (sanitize-html's defaults). */
const DROPPED_ELEMENTS = /<(script|style|textarea|option|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** An HTML tag or comment typed into the Markdown; `<https://…>` and `<name@host>` are links, not tags. */
const HTML_TAG = /<!--[\s\S]*?-->|<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?\/?>/gi;
const AUTOLINK = /<((?:https?|mailto):[^\s<>]+|[^\s<>@]+@[^\s<>]+)>/gi;
/** Addresses and e-mail addresses, kept as typed: their underscores and stars are not emphasis. */
const URL_OR_ADDRESS =
  /\b(?:https?:\/\/|mailto:|www\.)[^\s<>()]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Emphasis as Markdown reads it: `_` only where it starts and ends a word, `*` anywhere. */
const UNDERSCORE_EMPHASIS = /(?<![\p{L}\p{N}_\\])(__?)(?=\S)(.+?)(?<=\S)\1(?![\p{L}\p{N}_])/gu;
const STAR_EMPHASIS = /(?<![*\\])(\*\*?)(?=[^\s*])(.+?)(?<=[^\s*])\1(?!\*)/g;

/**
 * The plain-text twin of a Markdown body: links become "text (url)", emphasis and heading marks go,
 * HTML tags go as they do from the HTML part, addresses stay as typed; everything else (lists,
 * paragraphs) already reads well as text.
 */
export function markdownToText(markdown: string): string {
  const kept: string[] = [];
  return (
    markdown
      .replace(/\r\n?/g, "\n")
      .replace(DROPPED_ELEMENTS, "")
      .replace(HTML_TAG, "")
      .replace(AUTOLINK, "$1")
      .replace(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, "$1 ($2)")
      .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_m, text: string, url: string) =>
        text === url ? url : `${text} (${url})`,
      )
      .replace(URL_OR_ADDRESS, (address) => `KPKEEP${kept.push(address) - 1}X`)
      .replace(/^#{1,6}\s+/gm, "")
      // A line ended with two spaces or a backslash (Markdown's hard break) is just a line here.
      .replace(/(?: {2,}|\\)$/gm, "")
      .replace(UNDERSCORE_EMPHASIS, "$2")
      .replace(STAR_EMPHASIS, "$2")
      .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, "$1")
      .replace(/KPKEEP(\d+)X/g, (_m, index: string) => kept[Number(index)] ?? "")
      .trim()
  );
}
