import { describe, expect, it } from "vitest";
import { snippetHtml } from "./search-hit";

describe("snippetHtml", () => {
  it("wraps the matches in <mark> and escapes everything a post wrote", () => {
    const snippet =
      'Die [[[mark]]]Kaution[[[/mark]]] <script>alert("x")</script> in [[[mark]]]Naumburg[[[/mark]]]';
    expect(snippetHtml(snippet).value).toBe(
      "Die <mark>Kaution</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; in <mark>Naumburg</mark>",
    );
  });

  it("cannot be tricked into markup by a post that writes the delimiters itself", () => {
    expect(snippetHtml("[[[mark]]]<img src=x onerror=alert(1)>").value).toBe(
      "<mark>&lt;img src=x onerror=alert(1)&gt;</mark>",
    );
  });
});
