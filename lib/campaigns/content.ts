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

/**
 * The plain-text twin of a Markdown body: links become "text (url)", emphasis and heading marks go,
 * everything else (lists, paragraphs) already reads well as text.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, "$1 ($2)")
    .replace(/\[([^\]]+)\]\(([^)\s]+)[^)]*\)/g, (_m, text: string, url: string) =>
      text === url ? url : `${text} (${url})`,
    )
    .replace(/^#{1,6}\s+/gm, "")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\\*_])[*_]([^*_\n]+)[*_]/g, "$1$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, "$1")
    .trim();
}
