import { createElement, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { translatorFor } from "@/lib/i18n/translator";
import { markdownTags } from "./markdown-sample";

// The editors' hints that write Markdown out (their components render them with markdownTags).
const HINTS = [
  "admin.settings.legalMarkdownHint",
  "campaigns.form.contentHint",
  "events.form.descriptionHint",
  "faqAdmin.answerHint",
  "forum.composer.markdownHint",
  "messages.compose.bodyHint",
  "organisations.form.descriptionHint",
  "profile.bioHint",
];

const render = (node: ReactNode) => renderToStaticMarkup(createElement(Fragment, null, node));
const SAMPLE = /<code dir="ltr"[^>]*>(.*?)<\/code>/g;

function messagesWith(tree: object, test: (message: string) => boolean, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? test(value)
        ? [`${prefix}${key}`]
        : []
      : messagesWith(value, test, `${prefix}${key}.`),
  );
}

describe("Markdown samples in hints", () => {
  it.each(LOCALES)("%s: every sample is left-to-right code, isolated from the sentence", (locale) => {
    // Keys are checked at run time here: the translator's types know only literal keys.
    const t = translatorFor(locale) as unknown as {
      (key: string): string;
      rich: (key: string, values: object) => ReactNode;
    };
    const fallback = `{{name|${t("campaigns.form.fallbackExample")}}}`;
    for (const key of HINTS) {
      const html = render(t.rich(key, { ...markdownTags, field: "{{name}}", fallback }));
      const samples = [...html.matchAll(SAMPLE)].map((match) => match[1]);
      expect(samples.length, key).toBeGreaterThan(0);
      // Outside the samples only the sentence: no Markdown characters left among its words.
      expect(html.replace(SAMPLE, ""), key).not.toMatch(/[*[\]#@{}<]|&gt;/);
    }
  });

  it("the Arabic campaign hint shows bold, italic, a link and an Arabic fallback for the name as samples", () => {
    const t = translatorFor("ar");
    const html = render(
      t.rich("campaigns.form.contentHint", {
        ...markdownTags,
        field: "{{name}}",
        fallback: `{{name|${t("campaigns.form.fallbackExample")}}}`,
      }),
    );
    expect([...html.matchAll(SAMPLE)].map((match) => match[1])).toEqual([
      "**عريض**",
      "*مائل*",
      "[نص الرابط](https://…)",
      "-",
      "{{name}}",
      "{{name|زملائي الأعزاء}}",
    ]);
  });

  it("no other message writes Markdown out", () => {
    for (const locale of LOCALES) {
      const written = messagesWith(MESSAGES[locale], (message) => /\*\*|\]\(/.test(message));
      expect(
        written.filter((key) => !HINTS.includes(key)),
        locale,
      ).toEqual([]);
    }
  });
});
