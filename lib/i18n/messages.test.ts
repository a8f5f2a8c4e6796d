import fs from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";

type Tree = { [key: string]: string | Tree };

const folder = path.join(process.cwd(), "messages");
/** All of a language's files merged, as the app merges them in lib/i18n/messages.ts. */
const load = (locale: string): Tree =>
  Object.assign(
    {},
    ...fs
      .readdirSync(path.join(folder, locale))
      .filter((f) => f.endsWith(".json"))
      .map((f) => JSON.parse(fs.readFileSync(path.join(folder, locale, f), "utf8"))),
  );

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") result.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) result.set(k, v);
  }
  return result;
}

type Element = { value?: unknown; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** Names of the {placeholders} in a parsed message, including those inside plural, select and tags. */
function argumentNames(elements: readonly Element[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    // literals (type 0) and "#" (type 7) carry no argument name
    const type = (element as { type: number }).type;
    if (type !== 0 && type !== 7 && typeof element.value === "string") names.add(element.value);
    for (const option of Object.values(element.options ?? {})) argumentNames(option.value, names);
    if (element.children) argumentNames(element.children, names);
  }
  return names;
}

const locales = fs.readdirSync(folder).filter((f) => fs.statSync(path.join(folder, f)).isDirectory());
const german = flatten(load("de"));

describe("messages", () => {
  it("has the four languages", () => {
    expect(locales.sort()).toEqual(["ar", "de", "en", "uk"]);
  });

  it.each(locales)("%s has exactly the keys of de.json", (locale) => {
    const keys = [...flatten(load(locale)).keys()];
    const missing = [...german.keys()].filter((k) => !keys.includes(k));
    const extra = keys.filter((k) => !german.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(locales)("every %s message is valid ICU and non-empty", (locale) => {
    const broken: string[] = [];
    for (const [key, message] of flatten(load(locale))) {
      try {
        new IntlMessageFormat(message, locale);
        if (!message.trim()) broken.push(`${key}: empty`);
      } catch (error) {
        broken.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it.each(locales)("%s uses the same placeholders as German", (locale) => {
    const placeholders = (message: string) =>
      [...argumentNames(new IntlMessageFormat(message).getAst() as Element[])].sort();
    const differing: string[] = [];
    for (const [key, message] of flatten(load(locale))) {
      const expected = german.get(key);
      if (expected !== undefined && placeholders(message).join() !== placeholders(expected).join()) {
        differing.push(key);
      }
    }
    expect(differing).toEqual([]);
  });

  it("ar: web addresses, file endings and colour codes are isolated, so they read left to right", () => {
    // "https://" bare in an Arabic sentence is drawn "//:https", "(.ics)" as "(ics.)". Markdown samples
    // (<code>) are isolated by their element; a left-to-right mark before the token also holds it.
    const token = /(?:https?:\/\/|www\.)[^\s\u2069<]*|(?<![\w.])\.[a-z]{2,4}\b|(?<![\w/])#\w+/gi;
    const bare: string[] = [];
    for (const [key, message] of flatten(load("ar"))) {
      const text = message.replace(/<code>.*?<\/code>/g, "");
      for (const match of text.matchAll(token)) {
        if (!["\u2066", "\u200e"].includes(text[match.index - 1] ?? "")) bare.push(`${key}: ${match[0]}`);
      }
    }
    expect(bare).toEqual([]);
  });
});
