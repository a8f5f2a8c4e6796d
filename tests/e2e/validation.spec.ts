import { type Applicant, SignupPage } from "./pages/signup-page";
import { expectNoA11yViolations } from "./support/a11y";
import { drawnPositions, leftToRight } from "./support/bidi";
import { escapeRegExp, expect, MEMBER, test, tr, uniqueEmail } from "./support/fixtures";
import { linkIn, waitForMail } from "./support/mailbox";

const t = tr("de");

/** The message shown beside a control is the start of its accessible description. */
const describedAs = (key: Parameters<typeof t>[0], values?: Record<string, number>) =>
  new RegExp(`^${escapeRegExp(t(key, values))}`);

const valid = (): Applicant => ({
  name: "Erika Mustermann",
  email: uniqueEmail("erika"),
  organisation: { existing: "Sozialwerk Saale-Unstrut e. V." },
  jobFunction: "Sozialarbeiterin",
  municipality: "Naumburg (Saale)",
  topics: ["counselling"],
  languages: ["de", "en"],
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("an almost empty form shows a message beside each required field and keeps what was typed", async ({
      page,
    }) => {
      const signup = new SignupPage(page);
      await signup.goto();
      await signup.field("name").fill("Erika Mustermann");
      await signup.field("email").fill("erika@");
      await signup.submit();

      await expect(page.getByRole("main").getByRole("alert")).toHaveText(t("signup.fixErrors", { count: 7 }));
      // With JavaScript the page stays: keyboard focus moves to the summary, not back to the page's top.
      if (javaScriptEnabled) await expect(page.getByRole("main").getByRole("alert")).toBeFocused();
      await expect(signup.field("name")).toHaveValue("Erika Mustermann");
      await expect(signup.field("name")).not.toHaveAttribute("aria-invalid", "true");
      await expect(signup.field("email")).toHaveValue("erika@");
      await expect(signup.field("email")).toHaveAttribute("aria-invalid", "true");
      await expect(signup.field("email")).toHaveAccessibleDescription(describedAs("errors.invalidEmail"));
      await expect(page.getByText(t("errors.invalidEmail"))).toBeVisible();

      for (const key of ["organisation", "jobFunction"] as const) {
        await expect(signup.field(key)).toHaveAttribute("aria-invalid", "true");
        await expect(signup.field(key)).toHaveAccessibleDescription(describedAs("errors.required"));
      }
      await expect(signup.field("municipality")).toHaveAccessibleDescription(
        describedAs("errors.invalidChoice"),
      );
      for (const key of ["topics", "languages"] as const) {
        await expect(signup.group(key)).toHaveAccessibleDescription(describedAs("errors.chooseAtLeastOne"));
      }
      await expect(signup.consent()).toHaveAccessibleDescription(describedAs("errors.consentRequired"));
      await expect(page.getByText(t("errors.consentRequired"))).toBeVisible();
      // axe runs as a script in the page; the run with JavaScript checks this same state.
      if (javaScriptEnabled) await expectNoA11yViolations(page);
    });
  });
}

test("an address that already has an account gets the page a new one gets; the mail says to sign in", async ({
  page,
}) => {
  const signup = new SignupPage(page);
  await signup.goto();
  const since = Date.now();
  await signup.fill({ ...valid(), email: MEMBER });
  await signup.submit();

  // Nothing tells a visitor that the address is known (as on /login).
  await expect(page.getByRole("heading", { level: 1, name: t("checkEmail.title") })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(t("checkEmail.confirmBody"));
  // Only the address's owner learns it, with a link that signs them in.
  const mail = await waitForMail(MEMBER, { subject: t("mail.existing.approved.subject"), since });
  expect(mail.text).toContain(t("mail.existing.approved.body"));
  await page.goto(linkIn(mail));
  await expect(page).toHaveURL(/\/home$/);
});

test("a 200-character name is refused with the limit", async ({ page }) => {
  const signup = new SignupPage(page);
  await signup.goto();
  const name = `Erika ${"Mustermann-".repeat(18)}Ende`.slice(0, 200);
  expect(name).toHaveLength(200);
  await signup.fill({ ...valid(), name });
  await signup.submit();

  await expect(signup.field("name")).toHaveAttribute("aria-invalid", "true");
  await expect(signup.field("name")).toHaveAccessibleDescription(describedAs("errors.tooLong", { max: 100 }));
  await expect(page.getByText(/höchstens 100 Zeichen/)).toBeVisible();
  await expect(signup.field("name")).toHaveValue(name);
  await expectNoA11yViolations(page);
});

test("in Arabic, web addresses and file endings in hints, errors and links read left to right, as typed", async ({
  coordinator,
  baseURL,
}) => {
  const ar = tr("ar");
  const page = coordinator;
  await page.context().addCookies([{ name: "locale", value: "ar", url: baseURL! }]);
  const expectLeftToRight = async (text: string, tokens: string[]) => {
    for (const token of tokens) {
      const positions = await drawnPositions(page.getByText(text), token);
      expect(leftToRight(positions), `${token} drawn at ${positions.join(", ")}`).toBe(true);
    }
  };

  await page.goto("/events/new");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectLeftToRight(ar("events.form.onlineUrlHint"), ["https://"]);

  await page.goto("/events");
  await page
    .getByRole("link", { name: /Sprachcafé Hohenmölsen/ })
    .first()
    .click();
  await expectLeftToRight(ar("events.ics"), [".ics"]);

  await page.goto("/settings/profile");
  await page.getByRole("textbox", { name: ar("profile.website") }).fill("ftp://example.org");
  await page.getByRole("button", { name: ar("profile.save") }).click();
  await expect(page.getByText(ar("errors.invalidUrl"))).toBeVisible();
  await expectLeftToRight(ar("errors.invalidUrl"), ["http://", "https://"]);
  await expectLeftToRight(ar("profile.websiteHint"), ["www.example.org", "https://example.org"]);
  await expectNoA11yViolations(page);
});
