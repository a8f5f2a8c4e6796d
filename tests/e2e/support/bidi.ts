import type { Locator } from "@playwright/test";

/**
 * Where each character of `token` is drawn inside the element, as its distance from the viewport's
 * left edge: in a left-to-right token ("https://" in an Arabic hint) each stands right of the one before.
 */
export async function drawnPositions(locator: Locator, token: string): Promise<number[]> {
  return locator.evaluate((element, token) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const characters: { node: Text; offset: number }[] = [];
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      for (let offset = 0; offset < node.data.length; offset++) characters.push({ node, offset });
    }
    const text = characters.map(({ node, offset }) => node.data[offset]).join("");
    const start = text.indexOf(token);
    if (start < 0) throw new Error(`"${token}" is not in "${text}"`);
    return characters.slice(start, start + token.length).map(({ node, offset }) => {
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      return range.getBoundingClientRect().left;
    });
  }, token);
}

/** Every character stands right of the one before it. */
export const leftToRight = (positions: number[]) =>
  positions.every((x, i) => i === 0 || x > positions[i - 1]!);
