import { describe, expect, it } from "vitest";
import { escapeHtml, html, trustedHtml } from "./html";

describe("html", () => {
  it("escapes every interpolated string, in text and in attributes", () => {
    const name = `<script>alert("x")</script>`;
    const href = `/a" onmouseover="alert('x')`;
    expect(html`<a href="${href}">${name}</a>`.value).toBe(
      '<a href="/a&quot; onmouseover=&quot;alert(&#39;x&#39;)">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</a>',
    );
  });

  it("inserts nested templates and trusted HTML as they are", () => {
    const inner = html`<b>${"a & b"}</b>`;
    expect(html`<p>${inner}${trustedHtml("<i>ok</i>")}</p>`.value).toBe("<p><b>a &amp; b</b><i>ok</i></p>");
  });

  it("renders nothing for null, undefined and booleans, and each item of an array, as JSX does", () => {
    expect(html`[${null}${undefined}${false}${true}]`.value).toBe("[]");
    expect(html`<ul>${[1, 2].map((n) => html`<li>${n}</li>`)}</ul>`.value).toBe(
      "<ul><li>1</li><li>2</li></ul>",
    );
  });

  it("escapes the five characters that matter in HTML", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});
