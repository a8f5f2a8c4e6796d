import { describe, expect, it } from "vitest";
import { markdownMemoSize, renderMarkdown } from "./render";

describe("renderMarkdown", () => {
  it("keeps the structure of a legal text", () => {
    const html = renderMarkdown(
      "## Anschrift\n\nMusterstraße 1\n\n- eins\n- [Mail](mailto:info@example.org)",
    );
    expect(html).toContain("<h2>Anschrift</h2>");
    expect(html).toContain('<a href="mailto:info@example.org">Mail</a>');
  });

  it.each([
    ["<script>alert(1)</script>", "<script"],
    ['<img src=x onerror="alert(1)">', "onerror"],
    ["[click](javascript:alert(1))", "javascript:"],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "data:"],
    ["<svg><script>alert(1)</script></svg>", "<svg"],
    ['<iframe src="https://evil.example"></iframe>', "<iframe"],
    ["<style>body{display:none}</style>", "<style"],
  ])("renders %s inert", (input, forbidden) => {
    expect(renderMarkdown(input).toLowerCase()).not.toContain(forbidden);
  });

  it("turns a top-level heading into h2, so the page keeps one h1", () => {
    expect(renderMarkdown("# Titel")).toBe("<h2>Titel</h2>\n");
  });

  it("puts a text's headings under the heading it sits below, and keeps the two renderings apart", () => {
    const text = "# Für wen\n\n## Kosten\n\n### Anmeldung";
    expect(renderMarkdown(text, { headingsFrom: 4 })).toBe(
      "<h4>Für wen</h4>\n<h4>Kosten</h4>\n<h4>Anmeldung</h4>\n",
    );
    expect(renderMarkdown(text)).toBe("<h2>Für wen</h2>\n<h2>Kosten</h2>\n<h3>Anmeldung</h3>\n");
  });

  it("keeps single line breaks, as in an address typed line by line, and Markdown's own hard breaks", () => {
    const address = "Anna Schmidt\nMarkt 3\n06618 Naumburg";
    expect(renderMarkdown(address)).toBe("<p>Anna Schmidt<br />Markt 3<br />06618 Naumburg</p>\n");
    expect(renderMarkdown(address, { headingsFrom: 4 })).toBe(renderMarkdown(address));
    expect(renderMarkdown("Markt 3\\\n06618 Naumburg")).toBe("<p>Markt 3<br />06618 Naumburg</p>\n");
    expect(renderMarkdown('<img src=x onerror="alert(1)">\nzwei')).not.toContain("onerror");
  });

  it("gives a text rendered before the same safe HTML, and keeps the memo within its bound", () => {
    const hostile = '<img src=x onerror="alert(1)"> **fett**';
    const first = renderMarkdown(hostile);
    expect(renderMarkdown("*anders*")).toBe("<p><em>anders</em></p>\n");
    expect(renderMarkdown(hostile)).toBe(first);
    expect(first).not.toContain("onerror");
    // 2,000 distinct texts of 4,000 characters each: far more than the memo may hold.
    for (let i = 0; i < 2000; i++) renderMarkdown(`${i} ${"Wohnung ".repeat(500)}`);
    expect(markdownMemoSize()).toBeLessThanOrEqual(4_000_000);
    expect(markdownMemoSize()).toBeGreaterThan(3_000_000);
  });
});
