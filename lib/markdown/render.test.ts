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
