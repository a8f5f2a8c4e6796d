import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { COORDINATOR, escapeRegExp, expect, type Locale, test, tr, uniqueSuffix } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";

const t = tr("de");
const NATIVE_NAMES: Record<Locale, string> = {
  de: "Deutsch",
  en: "English",
  ar: "العربية",
  uk: "Українська",
};

async function switchLanguage(page: Page, locale: Locale) {
  const current = tr((await page.locator("html").getAttribute("lang")) as Locale);
  await page
    .getByRole("navigation", { name: current("shell.languageNav") })
    .getByRole("link", { name: NATIVE_NAMES[locale] })
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** Where the site name and the language menu sit in the header. */
async function headerLayout(page: Page, locale: Locale) {
  const tl = tr(locale);
  const banner = page.getByRole("banner");
  const siteName = await banner.getByRole("link", { name: tl("shell.siteName"), exact: true }).boundingBox();
  const languages = await banner.getByRole("navigation", { name: tl("shell.languageNav") }).boundingBox();
  if (!siteName || !languages) throw new Error("header parts not rendered");
  return { siteName, languages };
}

test("the landing page has a skip link, the landmarks and one h1", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: t("shell.mainNav") })).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: t("shell.languageNav") })).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: t("shell.footerNav") })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("landing.title"));

  // The skip link is the first stop for the keyboard, visible when focused, and leads to the content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: t("shell.skipLink") });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await expectNoA11yViolations(page);
});

test("Arabic is right-to-left with a mirrored header, and axe-clean", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  const german = await headerLayout(page, "de");
  expect(german.siteName.x).toBeLessThan(german.languages.x);
  await expectNoA11yViolations(page);

  await switchLanguage(page, "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tr("ar")("landing.title"));
  const arabic = await headerLayout(page, "ar");
  expect(arabic.languages.x).toBeLessThan(arabic.siteName.x);
  await expectNoA11yViolations(page);

  // The choice is remembered on the next page.
  await page.goto("/signup");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tr("ar")("signup.title"));
  await expectNoA11yViolations(page);
});

test("Ukrainian and English switch the texts", async ({ page }) => {
  await page.goto("/");
  for (const locale of ["uk", "en", "de"] as const) {
    await switchLanguage(page, locale);
    const tl = tr(locale);
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(tl("landing.title"));
    await expect(page.getByRole("navigation", { name: tl("shell.mainNav") })).toBeVisible();
    if (locale !== "de") expect(tl("landing.title")).not.toBe(t("landing.title"));
    await expectNoA11yViolations(page);
  }
});

const LEGAL_PAGES = [
  { path: "/impressum", title: t("legal.imprint"), file: "imprint" },
  { path: "/datenschutz", title: t("legal.privacy"), file: "privacy" },
  { path: "/barrierefreiheit", title: t("legal.accessibility"), file: "accessibility" },
  { path: "/leichte-sprache", title: t("legal.easyLanguage"), file: "easy-language" },
];

for (const legal of LEGAL_PAGES) {
  test(`${legal.path} shows its text`, async ({ page }) => {
    const markdown = readFileSync(`db/seed-data/legal/${legal.file}.de.md`, "utf8");
    const firstHeading = markdown.match(/^## (.+)$/m)?.[1];
    expect(firstHeading).toBeTruthy();

    await page.goto(legal.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(legal.title);
    await expect(page.getByRole("heading", { level: 2, name: firstHeading })).toBeVisible();
    expect((await page.getByRole("main").textContent())?.length ?? 0).toBeGreaterThan(300);
    await expect(page.getByText(t("legal.missing"))).toHaveCount(0);
    await expectNoA11yViolations(page);
  });
}

test("the accessibility feedback form mails the coordination office", async ({ page }) => {
  const message = `Der Kontrast der Fußzeile ist für mich zu schwach (${uniqueSuffix()}).`;
  const since = Date.now();
  await page.goto("/barrierefreiheit");
  const form = page.getByRole("region", { name: t("feedback.title") });
  await form
    .getByRole("textbox", { name: new RegExp(`^${escapeRegExp(t("feedback.message"))}`) })
    .fill(message);
  await form.getByRole("textbox", { name: t("feedback.page") }).fill("/");
  await form.getByRole("textbox", { name: t("feedback.name") }).fill("Petra Lang");
  await form.getByRole("button", { name: t("feedback.submit") }).click();
  await expect(form.getByRole("status")).toHaveText(t("feedback.thanks"));
  await expectNoA11yViolations(page);

  const mail = await waitForMail(COORDINATOR, { subject: t("mail.feedback.subject"), since });
  expect(mail.text).toContain(message);
  expect(mail.text).toContain("Petra Lang");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  async function expectNoHorizontalScroll(page: Page) {
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, `page ${page.url()} is wider than the screen`).toBeLessThanOrEqual(clientWidth);
  }

  test("landing, sign-up and the sign-up queue fit the screen", async ({ page, coordinator }) => {
    for (const path of ["/", "/signup"]) {
      await page.goto(path);
      await expectNoHorizontalScroll(page);
      await expectNoA11yViolations(page);
    }
    await coordinator.setViewportSize({ width: 390, height: 844 });
    await coordinator.goto("/admin/signups");
    await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText(t("signups.title"));
    await expectNoHorizontalScroll(coordinator);
    await expectNoA11yViolations(coordinator);
  });
});
