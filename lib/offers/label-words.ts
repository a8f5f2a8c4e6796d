import { LOCALES, type Locale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { TOPIC_SEARCH_WORDS } from "@/lib/network/topic-words";

type Kind = "topics" | "languages";

const words = (text: string) =>
  text
    .toLocaleLowerCase()
    .replace(/[ʼ’]/g, "'")
    .split(/[\s&(),/]+/)
    .filter((word) => word.length >= 4);

/**
 * Every word of every topic's and language's name in the four UI languages, and of the words a topic
 * is meant by, with its key.
 */
const INDEX: Record<Kind, [word: string, key: string][]> = {
  topics: build("topics"),
  languages: build("languages"),
};

function build(kind: Kind): [string, string][] {
  const named = LOCALES.flatMap((locale: Locale) =>
    Object.entries(MESSAGES[locale][kind] as Record<string, string>),
  );
  // Topics also go by the words people mean them by ("Wohnung", "Kita").
  const meant = kind === "topics" ? Object.entries(TOPIC_SEARCH_WORDS) : [];
  return [...named, ...meant].flatMap(([key, name]) =>
    words(name).map((word): [string, string] => [word, key]),
  );
}

/**
 * The topic or language keys a searched word names, in any UI language: "Wohnen", "housing" and
 * "Wohnung" name housing, "arabisch", "Arabic" and "العربية" name ar. A word matches a name's word it
 * begins or that begins it ("arabische" → Arabisch), from four letters on.
 */
export function keysNamedBy(word: string, kind: Kind): string[] {
  const [typed] = words(word);
  if (!typed) return [];
  const keys = INDEX[kind].filter(([name]) => name.startsWith(typed) || typed.startsWith(name));
  return [...new Set(keys.map(([, key]) => key))];
}
