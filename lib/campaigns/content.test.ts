import { describe, expect, it } from "vitest";
import { compileMergeTemplate, markdownToText, pickVersion } from "./content";

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

describe("merge fields", () => {
  it("fill the name, or the fallback when there is none, wherever they stand", () => {
    const hello = compileMergeTemplate("Hallo {{name|zusammen}}! Gruß an {{ name }}.", (s) => s);
    expect(hello("Anna")).toBe("Hallo Anna! Gruß an Anna.");
    expect(hello(null)).toBe("Hallo zusammen! Gruß an .");
    expect(hello("  ")).toBe("Hallo zusammen! Gruß an .");
  });

  it("render the template once and escape each recipient's value for its format", () => {
    let renders = 0;
    const html = compileMergeTemplate(
      "**Hallo {{name}}**",
      (s) => {
        renders++;
        return s.replace(/\*\*(.+)\*\*/, "<strong>$1</strong>");
      },
      escapeHtml,
    );
    expect(html('<script>alert("x")</script>')).toBe(
      "<strong>Hallo &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;</strong>",
    );
    expect(html("Ben")).toBe("<strong>Hallo Ben</strong>");
    expect(renders).toBe(1);
  });
});

describe("plain-text version", () => {
  it("turns links into text with their address and drops emphasis and heading marks", () => {
    expect(
      markdownToText("# Termine\n\n**Wichtig:** siehe [Programm](https://example.org/p) und *bald* mehr."),
    ).toBe("Termine\n\nWichtig: siehe Programm (https://example.org/p) und bald mehr.");
  });
});

describe("language versions", () => {
  const versions = {
    de: { subject: "Hallo", body: "Text" },
    ar: { subject: "مرحبا", body: "نص" },
    en: { subject: "Hi", body: " " },
  };
  it("give a recipient their language when it is complete, German otherwise", () => {
    expect(pickVersion(versions, "ar")).toEqual({ locale: "ar", version: versions.ar });
    expect(pickVersion(versions, "en").locale).toBe("de");
    expect(pickVersion(versions, "uk").locale).toBe("de");
    expect(pickVersion(versions, "xx").locale).toBe("de");
  });
});
