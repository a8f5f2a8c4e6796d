import type { Page } from "@playwright/test";
import { SignupPage } from "./pages/signup-page";
import { expectNoA11yViolations } from "./support/a11y";
import {
  APPLICANT,
  escapeRegExp,
  expect,
  MEMBER,
  requestSignInLink,
  signInAs,
  test,
  tr,
  uniqueEmail,
} from "./support/fixtures";
import { codeIn, waitForMail } from "./support/mailbox";

const t = tr("de");

/** Opens /admin/signups and expects the plain "not found" page, status 404. */
async function expectAdminNotFound(page: Page) {
  const response = await page.goto("/admin/signups");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: t("notFound.title") })).toBeVisible();
  await expect(page.getByRole("heading", { name: t("signups.title") })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /freischalten$/ })).toHaveCount(0);
  await expectNoA11yViolations(page);
}

test("a visitor is sent to the login from /home and gets 404 at /admin/signups", async ({ page }) => {
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1, name: t("login.title") })).toBeVisible();
  await expectNoA11yViolations(page);
  await expectAdminNotFound(page);
});

test("a member signs in on a second device with the code, and gets 404 at /admin/signups", async ({
  page,
  newPage,
}) => {
  const since = Date.now();
  await requestSignInLink(page, MEMBER);
  await expectNoA11yViolations(page);
  const code = codeIn(await waitForMail(MEMBER, { subject: t("mail.signin.subject"), since }));
  // Typed as a person might: lower case, a space instead of the dash.
  const typed = code.toLowerCase().replace("-", " ");

  const laptop = await newPage();
  await laptop.goto("/login/check-email");
  await laptop.getByRole("textbox", { name: t("checkEmail.email") }).fill(MEMBER);
  const codeField = laptop.getByRole("textbox", { name: t("checkEmail.code") });
  // A typo is said beside the field; the address and the code stay for correcting.
  await codeField.fill("ZZZZ ZZZZ");
  await laptop.getByRole("button", { name: t("checkEmail.submit") }).click();
  await expect(codeField).toHaveAccessibleDescription(new RegExp(escapeRegExp(t("errors.codeWrong"))));
  await expect(codeField).toHaveValue("ZZZZ ZZZZ");
  await expect(laptop.getByRole("textbox", { name: t("checkEmail.email") })).toHaveValue(MEMBER);
  await codeField.fill("K7P4");
  await laptop.getByRole("button", { name: t("checkEmail.submit") }).click();
  await expect(codeField).toHaveAccessibleDescription(new RegExp(escapeRegExp(t("errors.codeFormat"))));
  await codeField.fill(typed);
  await laptop.getByRole("button", { name: t("checkEmail.submit") }).click();
  await expect(laptop).toHaveURL(/\/home$/);
  await expect(
    laptop.getByRole("heading", { level: 1, name: t("home.welcome", { name: "Amal Yousef" }) }),
  ).toBeVisible();

  await expectAdminNotFound(laptop);
});

test("an applicant waiting for approval gets 404 at /admin/signups", async ({ page }) => {
  await signInAs(page, APPLICANT);
  await expect(page).toHaveURL(/\/application$/);
  await expectAdminNotFound(page);
});

test("the sixth sign-in request for one address within 15 minutes is refused on the form, with the address kept", async ({
  page,
}) => {
  const email = uniqueEmail("eager");
  for (let i = 0; i < 5; i++) await requestSignInLink(page, email);

  await page.goto("/login");
  const field = page.getByLabel(t("login.email"), { exact: true });
  await field.fill(email);
  await page.getByRole("button", { name: t("login.submit") }).click();
  // The minutes left of the 15-minute window, whatever the earlier requests took.
  const said = new RegExp(
    `^${escapeRegExp(t("errors.tooManyRequests", { minutes: 99 })).replace("99", "\\d+")}$`,
  );
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(said);
  await expect(page).toHaveURL(/\/login$/);
  await expect(field).toHaveValue(email);
  await expectNoA11yViolations(page);
});

test("the fourth sign-up for one address within the hour is refused on the form, with everything kept", async ({
  newPage,
}) => {
  const page = await newPage({ javaScriptEnabled: false });
  const signup = new SignupPage(page);
  const applicant = {
    name: "Erika Wiederholt",
    email: uniqueEmail("again"),
    organisation: { existing: "Sozialwerk Saale-Unstrut e. V." },
    jobFunction: "Sozialarbeiterin",
    municipality: "Naumburg (Saale)",
    topics: ["counselling"],
    languages: ["de"],
  };
  for (let i = 0; i < 4; i++) {
    await signup.goto();
    await signup.fill(applicant);
    await signup.submit();
    // three per address and hour (RATE_LIMIT_SIGNUP_PER_ADDRESS)
    if (i < 3)
      await expect(page.getByRole("heading", { level: 1, name: t("checkEmail.title") })).toBeVisible();
  }
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(t("errors.signUpRateLimited"));
  await expect(signup.field("name")).toHaveValue(applicant.name);
  await expect(signup.field("email")).toHaveValue(applicant.email);
  await expect(signup.field("jobFunction")).toHaveValue(applicant.jobFunction);
  await expect(
    signup.group("topics").getByRole("checkbox", { name: t("topics.counselling"), exact: true }),
  ).toBeChecked();
});

test("a page that is not there says so without JavaScript, in the reader's language and layout", async ({
  newPage,
}) => {
  const page = await newPage({ javaScriptEnabled: false });
  for (const path of ["/organisations/gibt-es-nicht", "/forum/c/gibt-es-nicht", "/videos/gibt-es-nicht"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: t("notFound.title") })).toBeVisible();
    await expect(page.getByRole("link", { name: t("notFound.home") })).toBeVisible();
    await expect(page.getByRole("navigation", { name: t("shell.mainNav") })).toBeVisible();
  }
  // axe needs scripts: the same page with them
  const scripted = await newPage();
  await scripted.goto("/organisations/gibt-es-nicht");
  await expect(scripted.getByRole("heading", { level: 1, name: t("notFound.title") })).toBeVisible();
  await expectNoA11yViolations(scripted);
  const arabic = await newPage({ javaScriptEnabled: false, locale: "ar" });
  await arabic.goto("/organisations/gibt-es-nicht");
  await expect(arabic.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(arabic.getByRole("heading", { level: 1, name: tr("ar")("notFound.title") })).toBeVisible();
});
