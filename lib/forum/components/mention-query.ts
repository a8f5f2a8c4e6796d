/** Suggestions start after "@" and this many letters. */
export const MENTION_QUERY_MIN_LETTERS = 2;
/** Longer text after "@" is no name being typed. */
export const MENTION_QUERY_MAX = 80;

/** Where the composer is, for the suggestions to offer only who may read it: a thread, or a new thread's category. */
export type MentionScope = { thread: number } | { category: string };

/** The scope as the suggestions' query parameters ("thread=12", "category=…"). */
export const mentionScopeParams = (scope: MentionScope): string =>
  "thread" in scope ? `thread=${scope.thread}` : `category=${encodeURIComponent(scope.category)}`;

/** A member offered for "@Na…": the name as the viewer may see it, function and organisation if visible. */
export type MentionSuggestion = { id: string; name: string; detail: string };

/** The "@Na…" being typed: from the "@" (`start`) to the end of the word at the caret (`end`). */
export type ActiveMention = { start: number; end: number; query: string };

/**
 * The most words a mention's name may have: names with four or five parts ("Mohammed Abdel Rahman
 * Saleh", "María de los Ángeles") are common among the network's people.
 */
const MENTION_WORDS_MAX = 5;
/**
 * What may follow a name word's first letter: letters, combining marks (Arabic vowel signs), digits,
 * hyphens, dots and apostrophes, the typed and the typographic one (Ukrainian "Дар’я", as phones write it).
 */
const WORD_CHARS = String.raw`\p{L}\p{M}\p{N}\-'’.`;
const MENTION_WORD = String.raw`[\p{L}][${WORD_CHARS}]*`;
/** A mentioned name as a regular expression's source: one to MENTION_WORDS_MAX words. */
export const MENTION_NAME = String.raw`${MENTION_WORD}(?:[ \t]+${MENTION_WORD}){0,${MENTION_WORDS_MAX - 1}}`;
// As lib/forum/utils.ts mentionCandidates reads a mention.
const NAME_SO_FAR = new RegExp(String.raw`^${MENTION_NAME}[ \t]?$`, "u");
const NOT_BEFORE_AT = /[\p{L}\p{N}_@]/u;
const WORD_REST = new RegExp(`^[${WORD_CHARS}]*`, "u");

/**
 * The mention typed just before the caret, if suggestions should be offered for it: not in a quote
 * or code (the parser ignores mentions there), at least two letters, at most MENTION_WORDS_MAX words.
 */
export function activeMention(text: string, caret: number): ActiveMention | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf("@");
  if (start < 0 || caret - start > MENTION_QUERY_MAX + 1) return null;
  if (start > 0 && NOT_BEFORE_AT.test(before[start - 1]!)) return null;
  const typed = before.slice(start + 1);
  if (!NAME_SO_FAR.test(typed)) return null;
  if ((typed.match(/\p{L}/gu)?.length ?? 0) < MENTION_QUERY_MIN_LETTERS) return null;
  const line = before.slice(before.lastIndexOf("\n") + 1);
  if (/^[ \t]*>/.test(line) || before.split("```").length % 2 === 0 || line.split("`").length % 2 === 0)
    return null;
  const rest = /[ \t]$/.test(typed) ? "" : (text.slice(caret).match(WORD_REST)?.[0] ?? "");
  return { start, end: caret + rest.length, query: typed.trim() };
}

/** The text with the mention replaced by "@Full Name" and a space, and where the caret goes. */
export function insertMention(text: string, mention: ActiveMention, name: string) {
  const after = text.slice(mention.end);
  const inserted = `@${name}${/^\s/.test(after) ? "" : " "}`;
  return {
    text: text.slice(0, mention.start) + inserted + after,
    caret: mention.start + inserted.length + (/^\s/.test(after) ? 1 : 0),
  };
}
