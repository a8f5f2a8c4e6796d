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
    expect(markdownToText("_kursiv_, __fett__ und *auch* **das**, snake_case_bleibt")).toBe(
      "kursiv, fett und auch das, snake_case_bleibt",
    );
  });

  it("keeps addresses and e-mail addresses with underscores as typed", () => {
    expect(
      markdownToText(
        "Mehr: https://example.org/integration_und_migration/termine_2026 und " +
          "[Anmeldung](https://example.org/a_b_c), Fragen an anna_maria_koch@example.org " +
          "oder <kontakt_stelle@example.org>.",
      ),
    ).toBe(
      "Mehr: https://example.org/integration_und_migration/termine_2026 und " +
        "Anmeldung (https://example.org/a_b_c), Fragen an anna_maria_koch@example.org " +
        "oder kontakt_stelle@example.org.",
    );
  });

  it("keeps lines as typed and drops the marks of Markdown's hard breaks", () => {
    expect(markdownToText("Bürgerhaus Zeitz  \r\nAltmarkt 3\\\n06712 Zeitz")).toBe(
      "Bürgerhaus Zeitz\nAltmarkt 3\n06712 Zeitz",
    );
  });

  it("drops the HTML tags the HTML part drops, script content included", () => {
    expect(
      markdownToText(
        'Vorher <script>alert("x")</script><img src=x onerror="alert(1)"> <b>fett</b><!-- Notiz --> nachher',
      ),
    ).toBe("Vorher  fett nachher");
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
