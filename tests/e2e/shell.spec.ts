import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { invitedMember } from "./support/admin-fixtures";
import {
  COORDINATOR,
  COORDINATOR_STATE,
  escapeRegExp,
  expect,
  type Locale,
  test,
  tr,
  uniqueSuffix,
} from "./support/fixtures";
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

test("the accessibility feedback form mails the coordination office, who find it under /admin/feedback", async ({
  page,
  coordinator,
}) => {
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

  // The job queue mails every coordinator and admin of the test database, one after the other.
  const mail = await waitForMail(COORDINATOR, {
    subject: t("mail.feedback.subject"),
    since,
    timeout: 30_000,
  });
  expect(mail.text).toContain(message);
  expect(mail.text).toContain("Petra Lang");

  await coordinator.goto("/admin");
  await coordinator.getByRole("link", { name: t("admin.nav.feedback") }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: t("admin.feedback.title") })).toBeVisible();
  const newest = coordinator.getByRole("article").first();
  await expect(newest).toContainText(message);
  await expect(newest.getByRole("heading", { level: 2 })).toContainText("Petra Lang");
  await expectNoA11yViolations(coordinator);
});

test("without JavaScript, reloading the feedback's thank-you page sends the form again but stores it once", async ({
  newPage,
  coordinator,
}) => {
  const page = await newPage({ javaScriptEnabled: false });
  const message = `Die Tabellen haben keine Überschriften (${uniqueSuffix()}).`;
  await page.goto("/barrierefreiheit");
  const form = page.getByRole("region", { name: t("feedback.title") });
  await form
    .getByRole("textbox", { name: new RegExp(`^${escapeRegExp(t("feedback.message"))}`) })
    .fill(message);
  await form.getByRole("button", { name: t("feedback.submit") }).click();
  await expect(form.getByRole("status")).toHaveText(t("feedback.thanks"));

  const methods: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest()) methods.push(request.method());
  });
  await page.reload();
  expect(methods).toEqual(["POST"]);
  await expect(form.getByRole("status")).toHaveText(t("feedback.thanks"));

  await coordinator.goto("/admin/feedback");
  await expect(coordinator.getByRole("article").filter({ hasText: message })).toHaveCount(1);
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

  test("long German headings, the calendar address and the admin's user list fit the screen", async ({
    page,
    coordinator,
  }) => {
    // "Datenschutzerklärung" and "Benachrichtigungen" in large type are wider than the phone
    // … and so is "Mehrgenerationenhaus" in an organisation's name beside its edit button
    for (const path of [
      "/datenschutz",
      "/events/calendar",
      "/organisations/mehrgenerationenhaus-hohenmoelsen",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoHorizontalScroll(page);
    }
    await coordinator.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/notifications", "/settings/notifications", "/admin/users"]) {
      await coordinator.goto(path);
      await expect(coordinator.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoHorizontalScroll(coordinator);
    }
    // the table scrolls sideways on its own, so an address stays on one line
    const address = coordinator.getByRole("cell", { name: /^\S+@\S+$/ }).first();
    const lines = await address.evaluate((cell) => {
      const text = document.createRange();
      text.selectNodeContents(cell);
      return text.getClientRects().length;
    });
    expect(lines).toBe(1);
    await expectNoA11yViolations(coordinator);

    // The contact list's table scrolls by keyboard too: its box takes the focus (axe: scrollable-region-focusable).
    await coordinator.goto("/admin/campaigns/contacts");
    const contacts = coordinator.getByRole("group", { name: t("campaignContacts.list.title") });
    await expectNoHorizontalScroll(coordinator);
    await contacts.focus();
    await expect(contacts).toBeFocused();
    await coordinator.keyboard.press("ArrowRight");
    await expect.poll(() => contacts.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
    await expectNoA11yViolations(coordinator);
  });

  const PHONE = { width: 390, height: 844 };
  // A member's header is one bar (about 70 px; the rows of links it replaced took 440), a visitor's
  // two: controls are 44 px high at 16 px to the rem, 49.5 at this site's 18.
  const MEMBER_BAR_MAX = 120;
  const VISITOR_BAR_MAX = 135;

  /** The phone header: the bar, the "Menü" disclosure (a native <details>) and the links in it. */
  function phoneHeader(page: Page, locale: Locale = "de") {
    const banner = page.getByRole("banner");
    const menu = banner.locator("details");
    const toggle = menu.locator("summary");
    return {
      banner,
      menu,
      toggle,
      height: async () => (await banner.boundingBox())?.height ?? Number.POSITIVE_INFINITY,
      // Hidden ones too: a closed menu's links are there, but not shown.
      link: (name: string) => menu.getByRole("link", { name, exact: true, includeHidden: true }),
      open: async () => {
        await expect(toggle).toHaveAccessibleName(tr(locale)("shell.menu"));
        await toggle.click();
        await expect(menu).toHaveAttribute("open", "");
      },
    };
  }

  /** Every link and button the header shows is at least 44 × 44 px (rounding allowed). */
  async function expectTouchTargets(page: Page) {
    const small = await page
      .getByRole("banner")
      .locator("a, button, summary")
      .evaluateAll((elements) =>
        elements
          .filter((element) => element.checkVisibility())
          .map((element) => ({ text: element.textContent?.trim(), box: element.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 43.5 || box.height < 43.5)
          .map(({ text, box }) => `${text}: ${Math.round(box.width)}×${Math.round(box.height)}`),
      );
    expect(small, "controls smaller than 44 px").toEqual([]);
  }

  /** Where a link's text begins and ends on the screen (a menu link is as wide as the menu). */
  const textEdges = (link: Locator) =>
    link.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const { left, right } = range.getBoundingClientRect();
      return { left, right };
    });

  test("a member's header is one bar with the unread counts; the menu opens and leads on", async ({
    coordinator,
    newPage,
  }) => {
    const anna = await invitedMember(coordinator, () => newPage({ viewport: PHONE }), "Anna");
    await coordinator.goto("/messages/new");
    await coordinator.getByRole("searchbox", { name: t("messages.new.search") }).fill(anna.name);
    await coordinator.getByRole("button", { name: t("messages.new.searchButton") }).click();
    await coordinator.getByRole("link", { name: t("messages.new.add", { name: anna.name }) }).click();
    await coordinator.getByRole("textbox", { name: t("messages.compose.body") }).fill("Willkommen, Anna!");
    await coordinator.getByRole("button", { name: t("messages.compose.send") }).click();
    await expect(coordinator).toHaveURL(/\/messages\/[\w-]+#m-/);

    const { page } = anna;
    const header = phoneHeader(page);
    await page.goto("/home");
    expect(await header.height()).toBeLessThanOrEqual(MEMBER_BAR_MAX);
    // The counts stay in the bar, readable, each link named with its count.
    for (const name of [t("messages.navUnread", { count: 1 }), t("notifications.navUnread", { count: 1 })]) {
      const link = header.banner.getByRole("link", { name });
      await expect(link).toBeInViewport({ ratio: 1 });
      await expect(link.getByText("1", { exact: true })).toBeInViewport({ ratio: 1 });
    }
    await expect(header.link(t("forum.title"))).toBeHidden();
    await expectTouchTargets(page);
    await expectNoA11yViolations(page);

    await header.open();
    await expect(header.link(t("forum.title"))).toBeInViewport();
    await expect(header.menu.getByRole("link", { name: "Deutsch" })).toHaveAttribute("aria-current", "true");
    await expect(header.menu.getByRole("link", { name: "Deutsch" })).toHaveCSS("font-weight", "700");
    await expectTouchTargets(page);
    await expectNoA11yViolations(page);

    await header.link(t("forum.title")).click();
    await expect(page).toHaveURL(/\/forum$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("forum.title"));
    await expect(header.menu).not.toHaveAttribute("open");

    // Signing out from the menu: the visitor's header starts closed again.
    await header.open();
    await header.menu.getByRole("button", { name: t("shell.signOut") }).click();
    await expect(header.link(t("shell.navLogin"))).toBeAttached();
    await expect(header.menu).not.toHaveAttribute("open");
  });

  test("Escape and a click outside close the phone menu; the page's section is marked in both navigations", async ({
    page,
  }) => {
    const header = phoneHeader(page);
    const forum = header.link(t("forum.title"));
    await page.goto("/forum/c/willkommen");
    await header.open();
    await expect(forum).toHaveAttribute("aria-current", "page");
    await expect(header.menu.locator("[aria-current]")).toHaveCount(1);
    // shown filled, with a bar instead of the underline
    await expect(forum).toHaveCSS("text-decoration-line", "none");
    await expect(forum).toHaveCSS("box-shadow", /inset/);
    await expect(header.link(t("shell.navMembers"))).toHaveCSS("text-decoration-line", "underline");
    await expectNoA11yViolations(page);

    // From a link in the menu, Escape closes it and the focus goes back to the toggle.
    await forum.focus();
    await page.keyboard.press("Escape");
    await expect(header.menu).not.toHaveAttribute("open");
    await expect(header.toggle).toBeFocused();
    // A click beside the open menu closes it too (in the page's margin, where nothing else is).
    await header.open();
    await page.mouse.click(3, PHONE.height - 100);
    await expect(header.menu).not.toHaveAttribute("open");
    await expect(page).toHaveURL(/\/forum\/c\/willkommen$/);

    // A thread belongs to the forum (a visitor gets it from the page cache, without scripts).
    const title = "Willkommen im Forum des Integrationsnetzwerks!";
    await page.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(forum).toHaveAttribute("aria-current", "page");
    const threadPath = new URL(page.url()).pathname;
    await expect(header.link(t("shell.navLogin"))).toHaveAttribute(
      "href",
      `/login?${new URLSearchParams({ next: threadPath })}`,
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    const wide = page.getByRole("navigation", { name: t("shell.mainNav") });
    await expect(wide.getByRole("link", { name: t("forum.title"), exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(wide.locator("[aria-current]")).toHaveCount(1);
    await expectNoA11yViolations(page);
  });

  test("the phone menu works without JavaScript", async ({ newPage }) => {
    const page = await newPage({
      viewport: PHONE,
      javaScriptEnabled: false,
      storageState: COORDINATOR_STATE,
    });
    const header = phoneHeader(page);
    await page.goto("/home");
    const messages = header.banner.getByRole("link", {
      name: new RegExp(`^${escapeRegExp(t("messages.nav"))}`),
    });
    await expect(messages).toBeVisible();
    expect(await header.height()).toBeLessThanOrEqual(MEMBER_BAR_MAX);
    await expect(header.link(t("events.nav"))).toBeHidden();
    // axe needs scripts: the same markup is checked open and closed in the tests above and below.

    // The keyboard reaches the toggle after the bar's links, sees where it is, and opens it.
    for (let i = 0; i < 8 && !(await header.toggle.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(header.toggle).toBeFocused();
    await expect(header.toggle).toHaveCSS("outline-style", "solid");
    await page.keyboard.press("Enter");
    await expect(header.menu).toHaveAttribute("open", "");
    await header.link(t("events.nav")).click();
    await expect(page).toHaveURL(/\/events$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("events.title"));
  });

  test("the phone menu is mirrored in Arabic", async ({ newPage }) => {
    const page = await newPage({ viewport: PHONE, storageState: COORDINATOR_STATE });
    const siteName = page.getByRole("banner").getByRole("link", { name: t("shell.siteName"), exact: true });
    for (const locale of ["de", "ar"] as const) {
      const tl = tr(locale);
      const header = phoneHeader(page, locale);
      await page.goto(`/home?lang=${locale}`);
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      const name = await siteName.boundingBox();
      const toggle = await header.toggle.boundingBox();
      if (!name || !toggle) throw new Error("header parts not rendered");
      // The name at the inline start, the toggle at the inline end: left to right in German, mirrored in Arabic.
      if (locale === "de") expect(name.x + name.width).toBeLessThan(toggle.x);
      else expect(toggle.x + toggle.width).toBeLessThan(name.x);
      expect(toggle.y, "the toggle is in the name's row").toBeLessThan(name.y + name.height);
      expect(await header.height()).toBeLessThanOrEqual(MEMBER_BAR_MAX);

      await header.open();
      // The menu's texts begin at the inline start: the left edge in German, the right edge in Arabic.
      const text = await textEdges(header.link(tl("forum.title")));
      const panel = await header.menu.locator("ul").first().boundingBox();
      if (!panel) throw new Error("menu panel not rendered");
      const fromLeft = text.left - panel.x;
      const fromRight = panel.x + panel.width - text.right;
      if (locale === "de") expect(fromLeft).toBeLessThan(20);
      else expect(fromRight).toBeLessThan(20);
      expect(Math.max(fromLeft, fromRight)).toBeGreaterThan(150);
      await expectNoA11yViolations(page);
    }
  });

  test("a visitor's header on a phone is the name and the menu over the languages", async ({ page }) => {
    const header = phoneHeader(page);
    await page.goto("/");
    // Two rows: a visitor who does not read German yet finds the languages without opening anything.
    expect(await header.height()).toBeLessThanOrEqual(VISITOR_BAR_MAX);
    await expect(page.getByRole("navigation", { name: t("shell.languageNav") })).toBeInViewport();
    await expectTouchTargets(page);
    await header.open();
    await expectNoA11yViolations(page);
    await header.link(t("shell.navLogin")).click();
    await expect(page).toHaveURL(/\/login$/);
  });
});
