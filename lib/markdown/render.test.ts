import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render";

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
});
