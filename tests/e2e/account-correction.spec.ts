import { expectNoA11yViolations } from "./support/a11y";
import { expect, invitedMember, test } from "./support/admin-fixtures";
import { COORDINATOR, COORDINATOR_STATE, signInAs, tr, uniqueEmail } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";

const t = tr("de");

test("a coordinator corrects a member's lost sign-in address; the member confirms from the new mailbox and signs in with it", async ({
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Postfach");
  await coordinator.goto(`/admin/users?q=${encodeURIComponent(member.email)}`);
  await coordinator.getByRole("link", { name: member.name, exact: true }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: member.name })).toBeVisible();
  const personPath = new URL(coordinator.url()).pathname;
  await expect(
    coordinator.getByRole("heading", { level: 2, name: t("admin.users.emailTitle") }),
  ).toBeVisible();

  const field = coordinator.getByRole("textbox", { name: t("admin.users.newEmail") });
  const send = coordinator.getByRole("button", { name: t("admin.users.sendEmailLink") });
  await field.fill("mitglied-at-example.org");
  await send.click();
  await expect(coordinator.getByText(t("errors.invalidEmail"))).toBeVisible();
  await field.fill(COORDINATOR);
  await send.click();
  await expect(coordinator.getByText(t("admin.users.errors.emailInUse"))).toBeVisible();
  await expect(field).toHaveValue(COORDINATOR);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(coordinator);

  // The same form as a plain post, without JavaScript.
  const office = await newPage({ storageState: COORDINATOR_STATE, javaScriptEnabled: false });
  await office.goto(personPath);
  const next = uniqueEmail("neu");
  const since = Date.now();
  await office.getByRole("textbox", { name: t("admin.users.newEmail") }).fill(next);
  await office.getByRole("button", { name: t("admin.users.sendEmailLink") }).click();
  await expect(office.getByText(t("admin.users.done.emailChangeRequested"))).toBeVisible();
  // Nothing changed yet: the page shows the wait, the member's address is still the old one.
  await coordinator.goto(personPath);
  const section = coordinator.getByRole("region", { name: t("admin.users.emailTitle") });
  await expect(section).toContainText(next);
  await expect(section).toContainText(member.email);
  await expectNoA11yViolations(coordinator);

  const mail = await waitForMail(next, { subject: t("account.mail.subject"), since });
  expect(mail.text).toContain(member.name);
  const link = mail.text.match(/https?:\/\/\S+\/settings\/account\/confirm\?token=\S+/)?.[0];
  expect(link).toBeTruthy();

  // On a new device, signed out: the link is the proof that the new mailbox is theirs.
  const device = await newPage();
  await device.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(device.getByText(t("account.confirmIntro", { email: next }))).toBeVisible();
  await expectNoA11yViolations(device);
  await device.getByRole("button", { name: t("account.confirmButton") }).click();
  await expect(device.getByRole("heading", { level: 1, name: t("account.doneTitle") })).toBeVisible();
  await expect(device.getByText(t("account.doneText"))).toBeVisible();
  await expectNoA11yViolations(device);

  const notice = await waitForMail(member.email, { subject: t("account.mail.noticeSubject"), since });
  expect(notice.text).toContain(next);

  // The browser still signed in with the old address is signed out.
  await member.page.goto("/settings/account");
  await expect(member.page).toHaveURL(/\/login/);

  await device.getByRole("link", { name: t("account.toLogin") }).click();
  await signInAs(device, next);
  await expect(device).toHaveURL(/\/home$/);
  await device.goto("/settings/account");
  await expect(device.getByText(next, { exact: true })).toBeVisible();

  // The coordinator sees the new address and who did what.
  await coordinator.reload();
  await expect(coordinator.getByText(next, { exact: true })).toBeVisible();
  await expect(
    coordinator.getByText(t("admin.audit.actions.user.emailChangeRequested"), { exact: false }),
  ).toBeVisible();
});
