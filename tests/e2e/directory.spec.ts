import type { Page } from "@playwright/test";
import { AdminSignupsPage } from "./pages/admin-signups-page";
import { expectNoA11yViolations } from "./support/a11y";
import { escapeRegExp, expect, MEMBER, signInAs, test, tr, uniqueEmail } from "./support/fixtures";

const t = tr("de");

/** Letters only, so the name folds and searches like a real one. */
const uniqueWord = () =>
  Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

/** /members as the viewer of `page` sees it (German). */
class DirectoryPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/members${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: t("members.title") })).toBeVisible();
  }

  form() {
    return this.page.getByRole("search", { name: t("members.filters.label") });
  }

  async search(q: string, filters: { language?: string; type?: string; topic?: string } = {}) {
    const form = this.form();
    await form.getByRole("searchbox", { name: t("members.filters.q") }).fill(q);
    if (filters.topic)
      await form.getByLabel(t("members.filters.topic")).selectOption({ label: filters.topic });
    if (filters.language) {
      await form.getByLabel(t("members.filters.language")).selectOption({ label: filters.language });
    }
    if (filters.type) await form.getByLabel(t("members.filters.type")).selectOption({ label: filters.type });
    await form.getByRole("button", { name: t("members.filters.submit") }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: t("members.title") })).toBeVisible();
  }

  card(name: string) {
    return this.page
      .getByRole("article")
      .filter({ has: this.page.getByRole("heading", { level: 3, name, exact: true }) });
  }

  /** Opens the member's profile from their card and returns its path. */
  async open(name: string): Promise<string> {
    await this.card(name).getByRole("link", { name, exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
    return new URL(this.page.url()).pathname;
  }
}

test("a member finds a colleague by a misspelled name, narrows by two filters and opens the profile", async ({
  page,
  newPage,
}) => {
  await signInAs(page, MEMBER);
  await expect(page).toHaveURL(/\/home$/);
  const directory = new DirectoryPage(page);
  await directory.goto();
  await expectNoA11yViolations(page);

  await directory.search("Frank Müler");
  await expect(directory.card("Frank Müller")).toBeVisible();

  // The two filters combine with the search, and the URL can be shared.
  await directory.search("Müler", {
    language: t("languages.en"),
    type: t("organisations.types.employer"),
  });
  await expect(page).toHaveURL(/[?&]language=en(&|$)/);
  await expect(page).toHaveURL(/[?&]type=employer(&|$)/);
  await expect(directory.card("Frank Müller")).toBeVisible();
  await expect(directory.card("Frank Müller")).toContainText("Logistikzentrum Lützen GmbH");
  await expectNoA11yViolations(page);
  const shared = page.url();

  await directory.search("Müler", {
    language: t("languages.ti"),
    type: t("organisations.types.employer"),
  });
  await expect(directory.card("Frank Müller")).toHaveCount(0);
  await expect(page.getByText(t("members.noResults"))).toBeVisible();

  await page.goto(shared);
  await directory.open("Frank Müller");
  await expect(page.getByText("Logistikzentrum Lützen GmbH")).toBeVisible();
  await expect(page.getByRole("link", { name: t("members.profile.edit") })).toHaveCount(0);
  await expectNoA11yViolations(page);

  // Her own profile: she sees every field, who may see it, and the way to edit it.
  await directory.goto("?q=Amal+Yousef");
  const ownPath = await directory.open("Amal Yousef");
  await expect(page.getByRole("link", { name: t("members.profile.edit") })).toHaveAttribute(
    "href",
    "/settings/profile",
  );
  await expectNoA11yViolations(page);
  // Whatever she shares with members only (or nobody) must not reach a visitor.
  const restricted = [t("members.visibility.members"), t("members.visibility.hidden")].map((v) => `(${v})`);
  const hiddenValues = await page.getByRole("main").evaluate((main, marks) => {
    const values: string[] = [];
    for (const dt of main.querySelectorAll("dt")) {
      if (marks.some((m) => dt.textContent?.includes(m)))
        values.push(dt.nextElementSibling?.textContent ?? "");
    }
    for (const section of main.querySelectorAll("section")) {
      const heading = section.querySelector("h2");
      if (!heading || !marks.some((m) => heading.textContent?.includes(m))) continue;
      for (const part of section.querySelectorAll("p, li a")) values.push(part.textContent ?? "");
    }
    return values.map((v) => v.trim()).filter((v) => v.length > 2);
  }, restricted);
  const nameIsPublic = await page
    .getByRole("note")
    .filter({ hasText: `${t("members.profile.name")}: ${t("members.visibility.public")}` })
    .count();

  const visitor = await newPage();
  await visitor.goto(ownPath);
  if (nameIsPublic) {
    await expect(visitor.getByRole("heading", { level: 1, name: "Amal Yousef" })).toBeVisible();
    const text = (await visitor.getByRole("main").textContent()) ?? "";
    for (const value of hiddenValues) expect(text).not.toContain(value);
  } else {
    await expect(visitor.getByRole("heading", { level: 1, name: t("notFound.title") })).toBeVisible();
    await expect(visitor.getByText("Amal Yousef")).toHaveCount(0);
  }
  await expectNoA11yViolations(visitor);
});

test("a visitor sees the directory but no member whose profile is for members only", async ({
  coordinator,
  newPage,
}) => {
  // A freshly invited member keeps the default: every field, the name too, for members only.
  const word = uniqueWord();
  const name = `Ludmila ${word[0]!.toUpperCase()}${word.slice(1)}`;
  const signups = new AdminSignupsPage(coordinator);
  await signups.goto();
  await signups.invite({ name, email: uniqueEmail("ludmila") });

  const asCoordinator = new DirectoryPage(coordinator);
  await asCoordinator.goto(`?q=${encodeURIComponent(name.replace("Ludmila", "Ludmilla"))}`);
  const profilePath = await asCoordinator.open(name);

  const page = await newPage();
  const directory = new DirectoryPage(page);
  await directory.goto();
  await expect(page.getByRole("note").filter({ hasText: t("members.visitorNote") })).toBeVisible();
  await expectNoA11yViolations(page);
  await directory.search(name);
  await expect(directory.card(name)).toHaveCount(0);
  await expect(page.getByText(t("members.noResults"))).toBeVisible();
  await page.goto(profilePath);
  await expect(page.getByRole("heading", { level: 1, name: t("notFound.title") })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("the directory works without JavaScript and keeps its filters in the URL", async ({ newPage }) => {
  const page = await newPage({ javaScriptEnabled: false });
  const directory = new DirectoryPage(page);
  // Unknown values in a shared link are ignored, not an error.
  await directory.goto("?topic=unknown&language=xx&after=garbage");
  const form = directory.form();
  await expect(form.getByLabel(t("members.filters.topic"))).toHaveValue("");

  await directory.search("Beratung", { topic: t("topics.housing"), language: t("languages.ar") });
  await expect(page).toHaveURL(/\/members\?q=Beratung&topic=housing&language=ar/);
  await expect(form.getByRole("searchbox", { name: t("members.filters.q") })).toHaveValue("Beratung");
  await expect(form.getByLabel(t("members.filters.topic"))).toHaveValue("housing");
  await expect(form.getByLabel(t("members.filters.language"))).toHaveValue("ar");
  await page.getByRole("link", { name: t("members.filters.clear") }).click();
  await expect(page).toHaveURL(/\/members$/);
});

test("typing a topic or a language into the search box finds who works on it or speaks it, without JavaScript", async ({
  page,
  newPage,
}) => {
  await signInAs(page, MEMBER);
  await expect(page).toHaveURL(/\/home$/);
  const member = new DirectoryPage(
    await newPage({ javaScriptEnabled: false, storageState: await page.context().storageState() }),
  );
  await member.goto();
  // Andreas Lehmann's topic is housing; nothing else in his profile says "Wohnen".
  await member.search(t("topics.housing"));
  await expect(member.card("Andreas Lehmann")).toBeVisible();
  await expect(
    member.card("Andreas Lehmann").getByRole("list", { name: t("members.card.topics") }),
  ).toContainText(t("topics.housing"));
  await expect(member.card("Frank Müller")).toHaveCount(0);
  await member.search(t("languages.uk"));
  await expect(member.card("Olena Kovalenko")).toBeVisible();
  await expect(member.card("Andreas Lehmann")).toHaveCount(0);
  // axe needs JavaScript: it checks the same results in the signed-in page.
  await page.goto(member.page.url());
  await expectNoA11yViolations(page);

  // His topics are for members only: a visitor does not find him by them, only people who show theirs.
  const visitor = new DirectoryPage(await newPage({ javaScriptEnabled: false }));
  await visitor.goto();
  await visitor.search(t("topics.housing"));
  await expect(visitor.card("Ahmad Al-Hassan")).toBeVisible();
  await expect(visitor.card("Andreas Lehmann")).toHaveCount(0);
});

test("each card's message link can be pressed, on a phone and on a wide screen", async ({ page }) => {
  await signInAs(page, MEMBER);
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(viewport);
    await new DirectoryPage(page).goto();
    // the second card with a link: below it (phone) or beside it (wide) lies the next card, which once covered the link
    const [before, after] = t("messages.profileLinkNamed", { name: "\u0000" }).split("\u0000");
    const linkName = new RegExp(`^${escapeRegExp(before!)}.+${escapeRegExp(after!)}$`);
    const item = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: linkName }) })
      .nth(1);
    const link = item.getByRole("link", { name: linkName });
    const [card, below] = [await item.getByRole("article").boundingBox(), await link.boundingBox()];
    expect(below!.y, `${viewport.width} px`).toBeGreaterThanOrEqual(card!.y + card!.height);
    await link.click();
    await expect(page).toHaveURL(/\/messages\/new\?to=/);
  }
});

test("the Arabic directory is right-to-left and fits a phone", async ({ newPage }) => {
  const page = await newPage({ locale: "ar", viewport: { width: 390, height: 844 } });
  await page.goto("/members");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tr("ar")("members.title"));
  // Names (and what members write) keep their own direction: "Sozialwerk Saale-Unstrut e. V." does not
  // turn into ".Sozialwerk Saale-Unstrut e. V" between Arabic labels.
  const name = page.getByRole("article").first().getByRole("heading", { level: 3 }).locator("bdi");
  await expect(name).toHaveCSS("unicode-bidi", "isolate");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoA11yViolations(page);
});
