import { describe, expect, it } from "vitest";
import { packDevHtml, unpackDevHtml } from "./dev-outbox";

describe("the demo outbox's headers", () => {
  it("come back whole beside the untouched HTML part, even with a comment end in a value", () => {
    const html = '<!doctype html><html lang="de"><body><p>Hallo</p></body></html>';
    const headers = {
      From: "Netz <noreply@example.org>",
      "List-Unsubscribe": "<https://x.example/u?t=a-->b>",
    };
    const stored = packDevHtml(html, headers);
    expect(stored.indexOf("-->")).toBe(stored.indexOf("-->\n<!doctype"));
    expect(unpackDevHtml(stored)).toEqual({ html, headers });
  });

  it("leaves a mail stored before headers were kept as it is", () => {
    expect(unpackDevHtml("<p>alt</p>")).toEqual({ html: "<p>alt</p>", headers: {} });
  });
});
