import type { ReactNode } from "react";

/**
 * A wide table's own sideways scroll on a narrow screen: the box can take the keyboard focus (arrow
 * keys then scroll it) and is named after the table's heading, so it is reachable without a mouse.
 * A group, not a region: the section around it is already the landmark with that name. Positioned,
 * so screen-reader-only text in a cell scrolls with the table instead of widening the page.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling box must be focusable to be scrolled by keyboard (WCAG 2.1.1)
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this groups a table
    <div role="group" aria-labelledby={labelledBy} tabIndex={0} className="relative overflow-x-auto">
      {children}
    </div>
  );
}
