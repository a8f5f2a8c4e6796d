import type { Page } from "@playwright/test";
import { emailFor } from "../../db/seed";
import { expectNoA11yViolations } from "./support/a11y";
import { escapeRegExp, expect, signInAs, test, tr, uniqueSuffix } from "./support/fixtures";

const t = tr("de");
const SLUG = "mehrgenerationenhaus-hohenmoelsen";
const PAGE = `/organisations/${SLUG}`;
const SEEDED = "Internationales Elterncafé";

const offers = (page: Page) => page.getByRole("region", { name: t("organisations.offers.title") });
const offer = (page: Page, title: string) => offers(page).getByRole("article", { name: title, exact: true });
/** A form field by its label; the required title carries "(Pflichtfeld)" after it. */
const field = (page: Page, key: "title" | "description" | "schedule" | "location") =>
  page.getByLabel(
    new RegExp(
      `^${escapeRegExp(t(`organisations.offers.form.${key}`))}( \\(${escapeRegExp(t("organisations.form.required"))}\\))?$`,
    ),
  );

test("an organisation's admin adds a members-only offer without JavaScript, makes it public and deletes it; visitors and other members see what they may", async ({
  newPage,
  page: visitor,
}) => {
  const title = `Hausaufgabenhilfe ${uniqueSuffix()}`;
  const admin = await newPage({ javaScriptEnabled: false });
  await signInAs(admin, "birgit.schubert@example.org");
  await admin.goto(PAGE);
  await expect(offer(admin, SEEDED)).toBeVisible();
  await offers(admin)
    .getByRole("link", { name: t("organisations.offers.add") })
    .click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(
    t("organisations.offers.newTitle", { name: "Mehrgenerationenhaus Miteinander Hohenmölsen" }),
  );

  // Sent without a name or a format: both are named beside their fields, and the schedule stays.
  await field(admin, "schedule").fill("Montag bis Donnerstag 14–16 Uhr");
  await admin.getByRole("button", { name: t("organisations.offers.form.add") }).click();
  await expect(field(admin, "title")).toHaveAccessibleDescription(
    new RegExp(escapeRegExp(t("errors.required"))),
  );
  await expect(admin.getByRole("group", { name: t("organisations.offers.form.formats") })).toContainText(
    t("errors.chooseAtLeastOne"),
  );
  await expect(field(admin, "schedule")).toHaveValue("Montag bis Donnerstag 14–16 Uhr");

  await field(admin, "title").fill(title);
  await field(admin, "description").fill("Für Schulkinder der **Klassen 1 bis 6**.");
  await admin.getByRole("checkbox", { name: t("organisations.offers.formats.in_person") }).check();
  await admin.getByRole("checkbox", { name: t("languages.ar") }).check();
  await admin.getByRole("checkbox", { name: t("topics.children_family") }).check();
  await admin
    .getByLabel(t("organisations.offers.form.visibility"))
    .selectOption({ label: t("organisations.offers.form.visibilityMembers") });
  await admin.getByRole("button", { name: t("organisations.offers.form.add") }).click();

  await expect(admin.getByRole("status")).toHaveText(t("organisations.offers.notices.added"));
  const added = offer(admin, title);
  await expect(added).toContainText(t("organisations.offers.membersOnly"));
  await expect(added).toContainText("Montag bis Donnerstag 14–16 Uhr");
  await expect(added.locator("strong")).toHaveText("Klassen 1 bis 6");
  await expect(added.getByRole("definition")).toContainText([
    t("organisations.offers.formats.in_person"),
    "Montag bis Donnerstag 14–16 Uhr",
    t("languages.ar"),
    t("topics.children_family"),
  ]);

  // A visitor sees the public offer, not the members' one; a member of the same organisation sees
  // both but may not add or edit.
  await visitor.goto(PAGE);
  await expect(offer(visitor, SEEDED)).toBeVisible();
  await expect(offer(visitor, title)).toHaveCount(0);
  await expectNoA11yViolations(visitor);
  const colleague = await newPage();
  await signInAs(colleague, emailFor("Lukas Wagner"));
  await colleague.goto(PAGE);
  await expect(offer(colleague, title)).toBeVisible();
  await expect(offers(colleague).getByRole("link", { name: t("organisations.offers.add") })).toHaveCount(0);
  await expect(offer(colleague, title).getByRole("link")).toHaveCount(0);
  const editUrl = await added
    .getByRole("link", { name: t("organisations.offers.edit", { title }) })
    .getAttribute("href");
  expect((await colleague.goto(`${PAGE}/offers/new`))?.status()).toBe(404);
  expect((await colleague.goto(editUrl!))?.status()).toBe(404);
  expect((await visitor.goto(editUrl!))?.status()).toBe(404);

  // Made public, everyone sees it.
  await admin.goto(editUrl!);
  await admin
    .getByLabel(t("organisations.offers.form.visibility"))
    .selectOption({ label: t("organisations.offers.form.visibilityPublic") });
  await admin.getByRole("button", { name: t("organisations.form.save") }).click();
  await expect(admin.getByRole("status")).toHaveText(t("organisations.offers.notices.saved"));
  await visitor.goto(PAGE);
  await expect(offer(visitor, title)).toContainText("Montag bis Donnerstag 14–16 Uhr");
  await expect(offer(visitor, title)).not.toContainText(t("organisations.offers.membersOnly"));

  // Deleted after a confirmation.
  await admin.goto(editUrl!);
  await admin.getByRole("link", { name: t("organisations.offers.delete") }).click();
  const confirm = admin.getByRole("region", { name: t("organisations.offers.deleteHeading", { title }) });
  await confirm.getByRole("button", { name: t("organisations.offers.deleteConfirm") }).click();
  await expect(admin.getByRole("status")).toHaveText(t("organisations.offers.notices.deleted"));
  await expect(offer(admin, title)).toHaveCount(0);
  await visitor.goto(PAGE);
  await expect(offer(visitor, title)).toHaveCount(0);
});

test("the offer form passes axe; an Arabic visitor reads the offers right to left", async ({
  coordinator,
  newPage,
  baseURL,
}) => {
  await coordinator.goto(`${PAGE}/offers/new`);
  await expect(coordinator.getByRole("button", { name: t("organisations.offers.form.add") })).toBeVisible();
  await expectNoA11yViolations(coordinator);

  const arabic = await newPage();
  await arabic.context().addCookies([{ name: "locale", value: "ar", url: baseURL! }]);
  await arabic.goto(PAGE);
  const ar = tr("ar");
  await expect(arabic.locator("html")).toHaveAttribute("dir", "rtl");
  const cafe = arabic
    .getByRole("region", { name: ar("organisations.offers.title") })
    .getByRole("article", { name: SEEDED });
  // the labels in Arabic, the German title in its own direction
  await expect(cafe.getByRole("term").first()).toHaveText(ar("organisations.offers.formatsLabel"));
  await expect(cafe.getByRole("heading", { level: 3 })).toHaveAttribute("dir", "auto");
  await expect(cafe).toContainText(ar("languages.uk"));
  await expectNoA11yViolations(arabic);
});

test("a visitor finds counselling in Arabic among all offers without JavaScript, and a member also sees the members' offers", async ({
  newPage,
}) => {
  const visitor = await newPage({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  await visitor.goto("/organisations");
  await visitor
    .getByRole("link", { name: t("offers.title"), exact: true })
    .last()
    .click();
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(t("offers.title"));
  const search = visitor.getByRole("search", { name: t("offers.filter.title") });
  await search.getByLabel(t("offers.filter.language")).selectOption({ label: t("languages.ar") });
  await search.getByLabel(t("offers.filter.topic")).selectOption({ label: t("topics.counselling") });
  await search.getByRole("button", { name: t("offers.filter.submit") }).click();
  await expect(visitor).toHaveURL(/[?&]language=ar/);
  await expect(visitor).toHaveURL(/[?&]topic=counselling/);

  const results = visitor.getByRole("list", { name: t("offers.results") });
  const mbe = results.getByRole("article", { name: "Migrationsberatung für Erwachsene (MBE)" });
  await expect(mbe).toContainText("Sozialwerk Saale-Unstrut e. V.");
  await expect(mbe).toContainText("Dienstag 9–12 Uhr");
  await expect(results.getByRole("article", { name: "Fußball für alle" })).toHaveCount(0);
  // the whole page fits the phone
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await mbe.getByRole("link", { name: "Migrationsberatung für Erwachsene (MBE)" }).click();
  await expect(visitor).toHaveURL(/\/organisations\/sozialwerk-saale-unstrut#offer-/);
  await expect(offer(visitor, "Migrationsberatung für Erwachsene (MBE)")).toContainText(
    "kostenlos und vertraulich",
  );

  // The members-only exchange of the language mediators is for members only.
  const exchange = "Austausch für Koordinatorinnen der Sprachmittlung";
  await visitor.goto(`/offers?q=${encodeURIComponent("Sprachmittlung")}`);
  await expect(visitor.getByRole("article", { name: "Sprachmittlung im Ehrenamt" })).toBeVisible();
  await expect(visitor.getByRole("article", { name: exchange })).toHaveCount(0);
  const member = await newPage();
  await signInAs(member, emailFor("Lukas Wagner"));
  await member.goto(`/offers?q=${encodeURIComponent("Sprachmittlung")}`);
  await expect(member.getByRole("article", { name: exchange })).toContainText(
    t("organisations.offers.membersOnly"),
  );
  await expectNoA11yViolations(member);
});

test("an offer deleted while it is edited: without JavaScript the page says so and the entries can be added anew", async ({
  newPage,
}) => {
  const title = `Bewerbungstraining ${uniqueSuffix()}`;
  const admin = await newPage({ javaScriptEnabled: false });
  await signInAs(admin, "birgit.schubert@example.org");
  await admin.goto(`${PAGE}/offers/new`);
  await field(admin, "title").fill(title);
  await admin.getByRole("checkbox", { name: t("organisations.offers.formats.online") }).check();
  await admin.getByRole("button", { name: t("organisations.offers.form.add") }).click();
  await expect(admin.getByRole("status")).toHaveText(t("organisations.offers.notices.added"));
  const editUrl = await offer(admin, title)
    .getByRole("link", { name: t("organisations.offers.edit", { title }) })
    .getAttribute("href");

  // The form is open in one tab while the offer is deleted in another.
  await admin.goto(editUrl!);
  const other = await admin.context().newPage();
  await other.goto(`${editUrl}?delete=1`);
  await other.getByRole("button", { name: t("organisations.offers.deleteConfirm") }).click();
  await expect(other.getByRole("status")).toHaveText(t("organisations.offers.notices.deleted"));

  await field(admin, "schedule").fill("Donnerstag 16–18 Uhr");
  await admin.getByRole("button", { name: t("organisations.form.save") }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(t("organisations.offers.goneTitle"));
  await expect(admin.getByRole("alert")).toHaveText(t("errors.offerGone"));
  await expect(field(admin, "title")).toHaveValue(title);
  await expect(field(admin, "schedule")).toHaveValue("Donnerstag 16–18 Uhr");
  await admin.getByRole("button", { name: t("organisations.offers.form.add") }).click();
  await expect(offer(admin, title)).toContainText("Donnerstag 16–18 Uhr");
});
