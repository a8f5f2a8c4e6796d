import { AdminSignupsPage } from "./pages/admin-signups-page";
import { SignupPage } from "./pages/signup-page";
import { expectNoA11yViolations } from "./support/a11y";
import {
  COORDINATOR_STATE,
  escapeRegExp,
  expect,
  requestSignInLink,
  test,
  tr,
  uniqueEmail,
  uniqueSuffix,
} from "./support/fixtures";
import { linkIn, mailsTo, waitForMail } from "./support/mailbox";

const t = tr("de");

test("a rejected applicant gets the reason by mail and can no longer sign in", async ({
  page,
  coordinator,
  newPage,
}) => {
  const name = `Jonas Albrecht ${uniqueSuffix()}`;
  const email = uniqueEmail("jonas");
  // two lines, as typed into the text area
  const reason = `Das Netzwerk ist nur für Fachkräfte im Burgenlandkreis (${uniqueSuffix()}).\nBitte melden Sie sich bei uns.`;

  await test.step("applies and confirms the address", async () => {
    await new SignupPage(page).applyAndConfirm({
      name,
      email,
      organisation: { existing: "Jobcenter Burgenlandkreis" },
      jobFunction: "Praktikant",
      municipality: "Zeitz",
      topics: ["work"],
      languages: ["de"],
    });
  });

  // A second device asks for a sign-in link now and keeps it unopened until after the decision.
  const laptop = await newPage();
  const keptLink = await test.step("asks for a sign-in link on another device", async () => {
    const since = Date.now();
    await requestSignInLink(laptop, email);
    return linkIn(await waitForMail(email, { subject: t("mail.signin.subject"), since }));
  });

  const admin = new AdminSignupsPage(coordinator);
  await test.step("the coordinator cannot reject without a reason", async () => {
    await admin.gotoCard(name);
    await admin.rejectButton(name).click();
    const field = admin.reasonField(name);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    // the keyboard focus is on the field to fix
    await expect(field).toBeFocused();
    await expect(field).toHaveAccessibleDescription(
      new RegExp(`^${escapeRegExp(t("errors.reasonRequired"))}`),
    );
    await expect(admin.card(name).getByText(t("errors.reasonRequired"))).toBeVisible();
    await expectNoA11yViolations(coordinator);
  });

  const rejectedAt = Date.now();
  await test.step("the coordinator rejects with a reason, without JavaScript, and is told so", async () => {
    const plain = new AdminSignupsPage(
      await newPage({ storageState: COORDINATOR_STATE, javaScriptEnabled: false }),
    );
    await plain.gotoCard(name);
    await plain.reasonField(name).fill(reason);
    await plain.rejectButton(name).click();
    await expect(plain.page.getByRole("status")).toHaveText(t("signups.rejectedDone"));
    await expect(plain.card(name)).toHaveCount(0);
    await admin.expectNotQueued(name);
  });

  await test.step("the rejection mail carries the reason", async () => {
    const mail = await waitForMail(email, { subject: t("mail.rejected.subject"), since: rejectedAt });
    expect(mail.text).toContain(t("mail.rejected.body"));
    expect(mail.text.replace(/\r\n/g, "\n")).toContain(reason);
  });

  await test.step("the applicant's session has ended", async () => {
    await page.goto("/application");
    await expect(page).toHaveURL(/\/login$/);
  });

  await test.step("asking for a sign-in link sends nothing", async () => {
    const since = Date.now();
    await requestSignInLink(laptop, email);
    await laptop.waitForTimeout(1_000);
    expect((await mailsTo(email)).filter((m) => m.receivedAt >= since)).toEqual([]);
  });

  await test.step("signing up again shows the usual page; the mail says the application was declined and whom to contact", async () => {
    const since = Date.now();
    const again = new SignupPage(laptop);
    await again.goto();
    await again.fill({
      name,
      email,
      organisation: { existing: "Jobcenter Burgenlandkreis" },
      jobFunction: "Praktikant",
      municipality: "Zeitz",
      topics: ["work"],
      languages: ["de"],
    });
    await again.submit();
    await expect(laptop.getByRole("heading", { level: 1, name: t("checkEmail.title") })).toBeVisible();
    const mail = await waitForMail(email, { subject: t("mail.existing.rejected.subject"), since });
    expect(mail.text).toContain(t("mail.existing.rejected.body"));
    expect(mail.text).toMatch(/\/impressum|antworten Sie einfach/);
    expect(mail.text).not.toMatch(/api\/auth\/callback/);
  });

  await test.step("the link asked for before the rejection is refused", async () => {
    await laptop.goto(keptLink);
    await expect(laptop).toHaveURL(/\/login\/error/);
    await expect(laptop.getByRole("heading", { level: 1, name: t("loginError.title") })).toBeVisible();
    await expectNoA11yViolations(laptop);
    await laptop.goto("/home");
    await expect(laptop).toHaveURL(/\/login$/);
  });
});
