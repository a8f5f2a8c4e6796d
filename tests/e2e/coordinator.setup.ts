// Runs before every spec (playwright.config.ts): the coordinator signs in by mail link once, and the
// specs open their coordinator pages with the saved state (COORDINATOR_STATE).
import { COORDINATOR, COORDINATOR_STATE, expect, signInAs, test } from "./support/fixtures";

test("the coordinator signs in with the link from the mail", async ({ page }) => {
  await signInAs(page, COORDINATOR);
  await expect(page).toHaveURL(/\/home$/);
  await page.context().storageState({ path: COORDINATOR_STATE });
});
