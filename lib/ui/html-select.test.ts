import { describe, expect, it } from "vitest";
import { selectHtml } from "./html-select";

const render = (selected: string | undefined) =>
  selectHtml({
    id: "f-topic",
    name: "topic",
    label: "Thema",
    selected,
    any: "Alle",
    options: [
      ["work", "Arbeit"],
      ["family", 'Kinder & "Familie"'],
    ],
  }).value;

describe("selectHtml", () => {
  it("labels the drop-down, offers 'any' first and escapes the labels", () => {
    const out = render(undefined);
    expect(out).toContain('<label for="f-topic" class="mb-1 block font-semibold">Thema</label>');
    expect(out).toMatch(
      /<select id="f-topic" name="topic" [^>]*><option value="" selected="">Alle<\/option>/,
    );
    expect(out).toContain('<option value="family">Kinder &amp; &quot;Familie&quot;</option>');
  });

  it("marks only the current choice as selected, so the form shows the filter in use", () => {
    const out = render("family");
    expect(out.match(/selected=""/g)).toHaveLength(1);
    expect(out).toContain('<option value="family" selected="">');
    expect(out).toContain('<option value="">Alle</option>');
  });
});
