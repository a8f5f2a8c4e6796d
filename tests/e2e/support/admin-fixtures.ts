import type { BrowserContext, Page } from "@playwright/test";
import { AdminSignupsPage } from "../pages/admin-signups-page";
import {
  test as base,
  expect,
  noThirdPartyRequests,
  signInAs,
  tr,
  uniqueEmail,
  uniqueLetters,
} from "./fixtures";
import { linkIn, waitForMail } from "./mailbox";

export const ADMIN = "admin@example.org";
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Adds a signed-in admin (once per worker: sign-in links are rate limited per address). */
export const test = base.extend<{ admin: Page }, { adminState: StorageState }>({
  admin: async ({ newPage, adminState }, use) => {
    await use(await newPage({ storageState: adminState }));
  },
  adminState: [
    async ({ browser }, use, workerInfo) => {
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL, locale: "de-DE" });
      const page = await context.newPage();
      const guard = noThirdPartyRequests(page);
      await signInAs(page, ADMIN);
      await expect(page).toHaveURL(/\/home$/);
      const state = await context.storageState();
      await context.close();
      guard.assertNone();
      await use(state);
    },
    { scope: "worker" },
  ],
});

export { expect };

/**
 * A new member: invited by the coordinator, signed in from the invitation on a page of their own.
 * Named `<label> <unique letters>`, which can be @mentioned.
 */
export async function invitedMember(coordinator: Page, newPage: () => Promise<Page>, label: string) {
  const person = {
    name: `${label} ${uniqueLetters()}`,
    email: uniqueEmail(label.split(" ")[0]!.toLowerCase()),
  };
  const signups = new AdminSignupsPage(coordinator);
  await signups.goto();
  await signups.invite(person);
  const mail = await waitForMail(person.email, { subject: tr("de")("mail.invitation.subject") });
  const page = await newPage();
  await page.goto(linkIn(mail));
  await expect(page).toHaveURL(/\/home$/);
  return { ...person, page };
}
