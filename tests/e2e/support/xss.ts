import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Collects the dialogs the pages open: a payload that runs calls `alert`. */
export function recordDialogs(...pages: Page[]): string[] {
  const dialogs: string[] = [];
  for (const page of pages) {
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
  }
  return dialogs;
}

/**
 * Rendered user content (sanitised Markdown) holds no element, event handler or URL that could run
 * script, and no payload has run (they set `window.__xss`). Hovering first gives mouse handlers
 * their chance.
 */
export async function expectInert(content: Locator) {
  await content.hover();
  await content.page().waitForTimeout(300);
  const report = await content.evaluate((root) => {
    const all = [...root.querySelectorAll("*")];
    return {
      dangerous: all
        .filter((el) =>
          /^(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|textarea|select|video|audio|img|template|details|marquee)$/i.test(
            el.tagName,
          ),
        )
        .map((el) => el.tagName),
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}.${a.name}`),
      ),
      badUrls: all.flatMap((el) =>
        ["href", "src", "action", "xlink:href", "srcdoc", "style", "background"]
          .map((n) => el.getAttribute(n) ?? "")
          .filter((v) => /^\s*(javascript|data|vbscript):/i.test(v) || /javascript:/i.test(v)),
      ),
      xss: (window as unknown as { __xss?: number }).__xss ?? null,
    };
  });
  expect(report).toEqual({ dangerous: [], handlers: [], badUrls: [], xss: null });
}

/** Each viewer opens `url`: the content `locate` finds there shows the payloads' text and is inert. */
export async function expectInertFor(viewers: Page[], url: string, locate: (page: Page) => Locator) {
  for (const viewer of viewers) {
    await viewer.goto(url);
    const content = locate(viewer);
    await expect(content).toContainText("klick");
    await expectInert(content);
  }
}
