import { expect, type Page } from "@playwright/test";
import axe from "axe-core";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The page's window once axe is injected (typed here only, not for the app's own code). */
type AxeWindow = Window & { axe: typeof axe };

/**
 * Runs axe on the page as it is now; fails with one readable line per violation and element.
 *
 * axe runs in the page itself, injected once per document. @axe-core/playwright's `analyze()`
 * injected it again on every call and finished each run in a new blank page: 0.9–1.6 s per check on
 * a quiet machine against 0.3–0.7 s here, and 2–7 s each in the forum and events specs (two workers).
 */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  // Next streams the <title> after a server action re-renders the page: wait until it is there.
  await expect(page).toHaveTitle(/\S/);
  // CI's second run, on PostgreSQL, sets E2E_AXE=off (.ci/run): the markup does not depend on the
  // database, and axe has checked every page in the first run. That saves a quarter of the run.
  if (process.env.E2E_AXE === "off") return;
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const { violations } = await page.evaluate(
    (tags) =>
      (window as unknown as AxeWindow).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    WCAG_21_AA,
  );
  const readable = violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `${v.id} (${v.impact ?? "?"}): ${v.help} — ${node.target.join(" ")}\n    ${node.failureSummary?.replace(/\n/g, "\n    ") ?? ""}`,
    ),
  );
  expect(readable, `WCAG 2.1 AA violations on ${page.url()}`).toEqual([]);
}
