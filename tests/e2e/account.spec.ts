import { expectNoA11yViolations } from "./support/a11y";
import { expect, invitedMember, test } from "./support/admin-fixtures";
import { signInAs, signOut, tr, uniqueEmail } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";

const t = tr("de");

test("a member changes their sign-in address, confirmed by the link mailed to the new one", async ({
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Umzug");
  const page = member.page;
  const next = uniqueEmail("neu");
  await page.goto("/settings/profile");
  await page.getByRole("link", { name: t("account.changeLink") }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("account.title") })).toBeVisible();
  await expect(page.getByText(member.email, { exact: true })).toBeVisible();

  const field = page.getByRole("textbox", { name: t("account.newEmail") });
  await field.fill(member.email);
  await page.getByRole("button", { name: t("account.submit") }).click();
  await expect(page.getByText(t("account.errors.emailUnchanged"))).toBeVisible();

  const since = Date.now();
  await field.fill(next);
  await page.getByRole("button", { name: t("account.submit") }).click();
  await expect(page.getByRole("status")).toHaveText(t("account.pendingSent", { email: next }));
  await expect(page.getByRole("heading", { level: 2, name: t("account.pendingHeading") })).toBeVisible();
  await expectNoA11yViolations(page);

  const mail = await waitForMail(next, { subject: t("account.mail.subject"), since });
  const linkIn = (text: string) => text.match(/https?:\/\/\S+\/settings\/account\/confirm\?token=\S+/)?.[0];
  const link = linkIn(mail.text);
  expect(link).toBeTruthy();
  // "Send again" mails another link; the one in the first mail still works.
  const again = Date.now();
  await page.getByRole("button", { name: t("account.resend") }).click();
  await expect(page.getByRole("status")).toHaveText(t("account.pendingSent", { email: next }));
  const second = await waitForMail(next, { subject: t("account.mail.subject"), since: again });
  expect(linkIn(second.text)).not.toBe(link);
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await page.getByRole("button", { name: t("account.confirmButton") }).click();
  await expect(page.getByRole("status")).toHaveText(t("account.changed", { email: next }));
  await expect(page.getByText(next, { exact: true })).toBeVisible();

  const notice = await waitForMail(member.email, { subject: t("account.mail.noticeSubject"), since });
  expect(notice.text).toContain(next);

  await signOut(page);
  await signInAs(page, next);
  await expect(page).toHaveURL(/\/home$/);
});
