import type { Page } from "@playwright/test";
import sharp from "sharp";
import { SignupPage } from "./pages/signup-page";
import { expectNoA11yViolations } from "./support/a11y";
import { expect, invitedMember, test } from "./support/admin-fixtures";
import {
  dayFromNow,
  escapeRegExp,
  tr,
  uniqueEmail,
  uniqueLetters,
  waitForHydration,
} from "./support/fixtures";
import { waitForMail } from "./support/mailbox";

const t = tr("de");

/** Finds a person in /admin/users by the search box and opens their page. */
async function openPerson(page: Page, person: { name: string; email: string }) {
  await page.goto("/admin/users");
  await page.getByRole("searchbox", { name: t("admin.users.search") }).fill(person.email);
  await page.getByRole("button", { name: t("admin.users.filter") }).click();
  await expect(page.getByText(t("admin.users.found", { count: 1 }))).toBeVisible();
  await page.getByRole("link", { name: person.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
}

test("authorisation: every admin page is refused to visitors and members; settings to coordinators", async ({
  admin,
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Matrix");
  const visitor = await newPage();
  await member.page.goto("/settings/privacy"); // the member's own id comes from the audit link below
  await openPerson(admin, member);
  const personPath = new URL(admin.url()).pathname;
  const pages: [string, "coordinator" | "admin"][] = [
    ["/admin", "coordinator"],
    ["/admin/users", "coordinator"],
    [personPath, "coordinator"],
    ["/admin/audit", "coordinator"],
    ["/admin/settings", "admin"],
    ["/admin/settings/legal/privacy", "admin"],
  ];
  const who = { visitor, member: member.page, coordinator, admin };
  for (const [path, least] of pages) {
    for (const [name, page] of Object.entries(who)) {
      const allowed = name === "admin" || (name === "coordinator" && least === "coordinator");
      const response = await page.goto(path);
      expect(response?.status(), `${name} on ${path}`).toBe(allowed ? 200 : 404);
    }
  }
  // The header offers the admin area only to coordinators and admins.
  await member.page.goto("/home");
  await expect(member.page.getByRole("link", { name: t("admin.nav.headerLink") })).toHaveCount(0);
  await coordinator.goto("/home");
  await coordinator.getByRole("link", { name: t("admin.nav.headerLink") }).click();
  await expect(coordinator).toHaveURL(/\/admin$/);
  // Coordinators do not see the settings in the admin navigation.
  const nav = coordinator.getByRole("navigation", { name: t("admin.nav.label") });
  await expect(nav.getByRole("link", { name: t("admin.nav.users") })).toBeVisible();
  await expect(nav.getByRole("link", { name: t("admin.nav.settings") })).toHaveCount(0);
});

test("dashboard: figures link to their lists, charts come with a table", async ({ admin }) => {
  await admin.goto("/admin");
  await expect(admin.getByRole("heading", { level: 1, name: t("admin.dashboard.title") })).toBeVisible();
  const chart = admin.getByRole("figure", { name: t("admin.dashboard.membersOverTime") });
  await expect(
    chart.getByRole("img", { name: new RegExp(t("admin.dashboard.membersOverTime")) }),
  ).toBeVisible();
  await chart.getByText(t("admin.dashboard.showTable")).click();
  const table = chart.getByRole("table", { name: t("admin.dashboard.membersOverTime") });
  await expect(table.getByRole("row")).toHaveCount(13); // header + 12 weeks
  // the demo network has members: the last week's number is not zero
  await expect(table.getByRole("row").last().getByRole("cell")).not.toHaveText("0");
  await expect(admin.getByRole("figure", { name: t("admin.dashboard.series.posts") })).toBeVisible();
  await expectNoA11yViolations(admin);

  await admin.getByRole("link", { name: new RegExp(t("admin.dashboard.waitingApplications")) }).click();
  await expect(admin).toHaveURL(/\/admin\/signups$/);
  await admin.goto("/admin");
  await admin.getByRole("link", { name: new RegExp(`^\\d+ ${t("admin.dashboard.members")}$`) }).click();
  await expect(admin).toHaveURL(/\/admin\/users\?status=approved$/);
  await expect(admin.getByRole("combobox", { name: t("admin.users.status") })).toHaveValue("approved");
});

test("users: block (sessions end at once) and unblock, confirmed and logged — without JavaScript", async ({
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Blockiert");
  await openPerson(coordinator, member);
  await expectNoA11yViolations(coordinator);
  await coordinator.getByRole("link", { name: t("admin.users.block") }).click();
  await expect(
    coordinator.getByRole("region", { name: t("admin.users.confirm.block.heading", { name: member.name }) }),
  ).toBeVisible();
  await expectNoA11yViolations(coordinator);

  // The same steps in a browser without JavaScript (axe needs JavaScript, so it ran above).
  const noJs = await newPage({
    javaScriptEnabled: false,
    storageState: await coordinator.context().storageState(),
  });
  await noJs.goto(new URL(coordinator.url()).pathname);
  await noJs.getByRole("link", { name: t("admin.users.block") }).click();
  const confirm = noJs.getByRole("region", {
    name: t("admin.users.confirm.block.heading", { name: member.name }),
  });
  await expect(confirm).toBeVisible();
  await confirm
    .getByRole("button", { name: t("admin.users.confirm.block.button", { name: member.name }) })
    .click();
  await expect(noJs.getByRole("status")).toHaveText(t("admin.users.done.blocked"));
  await expect(noJs.getByText(t("admin.users.statuses.blocked"), { exact: true })).toBeVisible();

  // the member's open page is signed out at once
  await member.page.goto("/home");
  await expect(member.page).toHaveURL(/\/login$/);

  await noJs.getByRole("link", { name: t("admin.users.unblock") }).click();
  await noJs
    .getByRole("button", { name: t("admin.users.confirm.unblock.button", { name: member.name }) })
    .click();
  await expect(noJs.getByRole("status")).toHaveText(t("admin.users.done.unblocked.approved"));

  // a staff move: the coordinator types the member's new main organisation (the confirmed ones are
  // suggested) and sets it after a confirmation step
  const organisation = "Volkshochschule Burgenlandkreis";
  const newMain = noJs.getByRole("combobox", { name: t("admin.users.newMainOrganisation") });
  const suggestions = noJs.locator(`datalist[id="${await newMain.getAttribute("list")}"] option`);
  await expect(suggestions.and(noJs.locator(`[value="${organisation}"]`))).toHaveCount(1);
  await newMain.fill("Volkshochschule Burgenlandkries");
  await noJs.getByRole("button", { name: t("admin.users.setMainOrganisation") }).click();
  // a misspelt name asks for a suggestion beside the field, keeps the typing and changes nothing
  await expect(newMain).toHaveAccessibleDescription(t("admin.users.unknownOrganisation"));
  await expect(newMain).toHaveValue("Volkshochschule Burgenlandkries");
  await expect(
    noJs.getByRole("button", { name: t("admin.users.confirm.organisationMain.button") }),
  ).toHaveCount(0);
  await newMain.fill(organisation.toLowerCase());
  await noJs.getByRole("button", { name: t("admin.users.setMainOrganisation") }).click();
  await noJs
    .getByRole("region", {
      name: t("admin.users.confirm.organisationMain.heading", { name: member.name }),
    })
    .getByRole("button", { name: t("admin.users.confirm.organisationMain.button") })
    .click();
  await expect(noJs.getByRole("status")).toHaveText(t("admin.users.done.organisation.main"));

  // and adds a further one, typed the same way, without a confirmation step
  const further = "Jobcenter Burgenlandkreis";
  const addField = noJs.getByRole("combobox", { name: t("admin.users.addOrganisation") });
  await addField.fill("Jobcenter Burgenland");
  await noJs.getByRole("button", { name: t("admin.users.add"), exact: true }).click();
  await expect(addField).toHaveAccessibleDescription(t("admin.users.unknownOrganisation"));
  await expect(addField).toHaveValue("Jobcenter Burgenland");
  await addField.fill(further);
  await noJs.getByRole("button", { name: t("admin.users.add"), exact: true }).click();
  await expect(noJs.getByRole("status")).toHaveText(t("admin.users.done.organisation.add"));
  const worksAt = noJs.getByRole("region", { name: t("admin.users.organisationsTitle") });
  await expect(worksAt.getByRole("listitem").filter({ hasText: organisation })).toContainText(
    t("admin.users.mainOrganisation"),
  );
  await expect(worksAt.getByRole("listitem").filter({ hasText: further })).toContainText(
    t("admin.users.furtherOrganisation"),
  );

  const history = noJs.getByRole("region", { name: t("admin.users.history") });
  await expect(history).toContainText(t("admin.audit.actions.user.blocked"));
  await expect(history).toContainText(t("admin.audit.actions.user.unblocked"));
  await expect(history).toContainText(t("admin.audit.actions.user.mainOrganisationChanged"));
  await expect(history).toContainText(t("admin.audit.actions.user.organisationAdded"));

  // the member's profile now names both
  await noJs.goto(`/members/${new URL(noJs.url()).pathname.split("/").at(-1)}`);
  await expect(noJs.getByRole("link", { name: organisation })).toBeVisible();
  await expect(noJs.getByRole("link", { name: further })).toBeVisible();
});

test("users: an applicant blocked and unblocked is back in the queue, undecided — not a member", async ({
  coordinator,
  newPage,
}) => {
  const applicant = { name: `Warte ${uniqueLetters()}`, email: uniqueEmail("warte") };
  const own = await newPage();
  await new SignupPage(own).applyAndConfirm({
    ...applicant,
    organisation: { existing: "Jobcenter Burgenlandkreis" },
    jobFunction: "Sozialarbeiterin",
    municipality: "Zeitz",
    topics: ["work"],
    languages: ["de"],
  });

  await openPerson(coordinator, applicant);
  await coordinator.getByRole("link", { name: t("admin.users.block") }).click();
  await coordinator
    .getByRole("button", { name: t("admin.users.confirm.block.button", { name: applicant.name }) })
    .click();
  await expect(coordinator.getByRole("status")).toHaveText(t("admin.users.done.blocked"));
  // the page says what unblocking will give back
  await expect(coordinator.getByText(t("admin.users.statusBeforeBlock"), { exact: true })).toBeVisible();
  await expect(coordinator.getByText(t("admin.users.statuses.pending"), { exact: true })).toBeVisible();

  await coordinator.getByRole("link", { name: t("admin.users.unblock") }).click();
  const confirm = coordinator.getByRole("region", {
    name: t("admin.users.confirm.unblock.heading", { name: applicant.name }),
  });
  await expect(confirm).toContainText(
    t("admin.users.confirm.unblock.explanation.pending", { name: applicant.name }),
  );
  await expectNoA11yViolations(coordinator);
  await confirm
    .getByRole("button", { name: t("admin.users.confirm.unblock.button", { name: applicant.name }) })
    .click();
  await expect(coordinator.getByRole("status")).toHaveText(t("admin.users.done.unblocked.pending"));
  await expect(coordinator.getByText(t("admin.users.statuses.pending"), { exact: true })).toBeVisible();

  await coordinator.goto("/admin/signups");
  await expect(coordinator.getByText(applicant.name)).toBeVisible();
});

test("audit log: actions, targets and details in words, and readable on a phone", async ({
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Protokoll");
  await openPerson(coordinator, member);
  await coordinator.getByRole("link", { name: t("admin.users.block") }).click();
  await coordinator
    .getByRole("button", { name: t("admin.users.confirm.block.button", { name: member.name }) })
    .click();
  await expect(coordinator.getByRole("status")).toHaveText(t("admin.users.done.blocked"));

  await coordinator.setViewportSize({ width: 390, height: 844 });
  await coordinator.goto(`/admin/audit?target=${encodeURIComponent(member.email)}`);
  const table = coordinator.getByRole("table", { name: t("admin.audit.title") });
  const blocked = table.getByRole("row").filter({ hasText: t("admin.audit.actions.user.blocked") });
  await expect(blocked).toContainText(
    `${t("admin.audit.fields.previousStatus")}: ${t("admin.users.statuses.approved")}`,
  );
  await expect(table.getByRole("row").filter({ hasText: t("admin.audit.actions.user.invited") })).toHaveCount(
    1,
  );
  await expect(table).not.toContainText("{");
  await expect(table).not.toContainText("previousStatus");
  // the filter names every action in words, never as its key
  const options = await coordinator
    .getByRole("combobox", { name: t("admin.audit.action") })
    .getByRole("option")
    .allTextContents();
  expect(options.filter((o) => /^[\w-]+(\.[\w-]+)+$/.test(o))).toEqual([]);
  expect(options).toContain(t("admin.audit.actions.user.blocked"));

  // on a phone the person's name wraps between words at most, never letter by letter
  const name = blocked.getByRole("link", { name: member.name });
  const box = await name.boundingBox();
  expect(box!.height).toBeLessThan(60);
  await expect(coordinator.getByRole("group", { name: t("admin.audit.title") })).toBeVisible();
  await expectNoA11yViolations(coordinator);
});

test("audit log: a new FAQ entry by its question, found by name and linked to its edit page", async ({
  coordinator,
}) => {
  const question = `Wo finde ich einen Sprachkurs (${uniqueLetters()})?`;
  await coordinator.goto("/admin/faq/new");
  await coordinator.getByLabel(t("faqAdmin.question")).fill(question);
  await coordinator.getByLabel(t("faqAdmin.answer")).fill("Bei der Volkshochschule.");
  await coordinator.getByRole("button", { name: t("faqAdmin.save") }).click();
  await expect(coordinator.getByRole("status")).toHaveText(t("faqAdmin.saved.created"));
  const editPath = new URL(coordinator.url()).pathname;
  expect(editPath).toMatch(/^\/admin\/faq\/[\w-]+$/);

  await coordinator.goto("/admin/audit");
  await coordinator.getByRole("textbox", { name: t("admin.audit.target") }).fill(question.slice(9));
  await coordinator.getByRole("button", { name: t("admin.audit.filter") }).click();
  const table = coordinator.getByRole("table", { name: t("admin.audit.title") });
  const created = table.getByRole("row").filter({ hasText: t("admin.audit.actions.faq.created") });
  await expect(created).toHaveCount(1);
  // the target column names the entry by its question, not by its kind and id
  await expect(created.getByRole("cell").nth(3)).toHaveText(question);
  await expectNoA11yViolations(coordinator);
  await created.getByRole("link", { name: question }).click();
  await expect(coordinator).toHaveURL(editPath);
  // the German question comes first, before its translations
  await expect(coordinator.getByRole("textbox", { name: t("faqAdmin.question") }).first()).toHaveValue(
    question,
  );
});

test("audit log: a date of a series given its own place links to that date, its format in words", async ({
  coordinator,
}) => {
  const title = `Sprechstunde ${uniqueLetters()}`;
  await coordinator.goto("/events/new");
  await coordinator.getByLabel(t("events.form.title")).fill(title);
  await coordinator.getByLabel(t("events.form.date")).fill(dayFromNow(21));
  await coordinator.getByLabel(t("events.form.startTime")).fill("09:00");
  await coordinator.getByLabel(t("events.form.endTime")).fill("10:30");
  await coordinator
    .getByLabel(t("events.form.frequency"), { exact: true })
    .selectOption({ label: t("events.form.frequencies.weekly") });
  await coordinator.getByLabel(t("events.form.untilDate")).fill(dayFromNow(35));
  await coordinator.getByLabel(t("events.form.venue")).fill("Familienzentrum");
  await coordinator.getByRole("button", { name: t("events.form.create") }).click();
  await expect(coordinator.getByText(t("events.saved.created"))).toBeVisible();
  const eventId = new URL(coordinator.url()).pathname.split("/").at(-1)!;
  // The series' second date moves to the Bürgerhaus.
  await coordinator.goto(`/events/${eventId}/edit`);
  const second = coordinator
    .getByRole("region", { name: t("events.dates.title") })
    .getByRole("listitem")
    .nth(1);
  await second.getByText(t("events.dates.placeSummary")).click();
  await second.getByLabel(t("events.dates.venue")).fill("Bürgerhaus Zeitz");
  await second.getByRole("button", { name: t("events.dates.placeSave") }).click();
  await expect(coordinator.getByText(t("events.saved.placeChanged"))).toBeVisible();

  await coordinator.goto(`/admin/audit?target=${encodeURIComponent(title)}`);
  const table = coordinator.getByRole("table", { name: t("admin.audit.title") });
  const placed = table.getByRole("row").filter({ hasText: t("admin.audit.actions.event.date_place") });
  await expect(placed).toContainText(`${t("admin.audit.fields.format")}: ${t("events.formats.in_person")}`);
  await expect(placed).not.toContainText("in_person");
  await expectNoA11yViolations(coordinator);
  await placed.getByRole("link", { name: new RegExp(`^${title}, `) }).click();
  await expect(coordinator).toHaveURL(new RegExp(`/events/${eventId}\\?date=${dayFromNow(28)}$`));
  await expect(coordinator.getByRole("main")).toContainText("Bürgerhaus Zeitz");
});

test("dashboard on a phone: whole-number axes and labels of at least 12 px", async ({ admin }, testInfo) => {
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.goto("/admin");
  const chart = admin.getByRole("figure", { name: t("admin.dashboard.applicationsPerWeek") });
  await expect(chart).toBeVisible();
  await admin.screenshot({ path: testInfo.outputPath("dashboard-390.png"), fullPage: true });
  // nothing sticks out of the page sideways (week labels once ran past the cards)
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const figure of await admin.getByRole("figure").all()) {
    const labels = await figure
      .locator("[role=img] :is(text, span)")
      .evaluateAll((nodes) =>
        nodes
          .filter((n) => getComputedStyle(n).visibility !== "hidden" && n.textContent?.trim())
          .map((n) => ({ text: n.textContent!.trim(), height: n.getBoundingClientRect().height })),
      );
    expect(labels.length).toBeGreaterThan(3);
    for (const label of labels) expect(label.height, label.text).toBeGreaterThanOrEqual(12);
  }
  // counts on the value axis are whole numbers, written the German way (no "2.5")
  const ticks = await chart.locator("[data-axis=values] span").allTextContents();
  expect(ticks).toHaveLength(3);
  for (const tick of ticks) expect(tick).toMatch(/^\d{1,3}(\.\d{3})*$/);
});

test("users: resend an invitation, change a role, delete an account", async ({
  admin,
  coordinator,
  newPage,
}) => {
  const since = Date.now();
  const person = await invitedMember(coordinator, newPage, "Rolle");

  await test.step("the list of people is axe-clean; its table scrolls sideways on its own, by keyboard too", async () => {
    await coordinator.goto("/admin/users");
    await expect(coordinator.getByRole("group", { name: t("admin.users.title") })).toHaveAttribute(
      "tabindex",
      "0",
    );
    await expectNoA11yViolations(coordinator);
  });

  await test.step("a coordinator cannot change roles or delete", async () => {
    await openPerson(coordinator, person);
    await expect(coordinator.getByRole("button", { name: t("admin.users.changeRole") })).toHaveCount(0);
    await expect(coordinator.getByRole("link", { name: t("admin.users.delete") })).toHaveCount(0);
  });

  await test.step("the admin makes the member a coordinator", async () => {
    await openPerson(admin, person);
    await admin.getByRole("combobox", { name: t("admin.users.newRole") }).selectOption("coordinator");
    await admin.getByRole("button", { name: t("admin.users.changeRole") }).click();
    await expect(
      admin.getByText(
        t("admin.users.confirm.role.explanation", {
          name: person.name,
          role: t("admin.users.roles.coordinator"),
        }),
      ),
    ).toBeVisible();
    await admin.getByRole("button", { name: t("admin.users.confirm.role.button") }).click();
    await expect(admin.getByRole("status")).toHaveText(t("admin.users.done.roleChanged"));
    // the new coordinator reaches the admin area
    expect((await person.page.goto("/admin"))?.status()).toBe(200);
  });

  await test.step("the admin deletes the account: the person shows as former member", async () => {
    await admin.getByRole("link", { name: t("admin.users.delete") }).click();
    await expectNoA11yViolations(admin);
    await admin
      .getByRole("button", { name: t("admin.users.confirm.delete.button", { name: person.name }) })
      .click();
    await expect(admin.getByRole("status")).toHaveText(t("admin.users.done.deleted"));
    await expect(admin.getByRole("heading", { level: 1, name: t("admin.users.formerMember") })).toBeVisible();
    await expect(admin.getByText(person.email)).toHaveCount(0);
    await person.page.goto("/home");
    await expect(person.page).toHaveURL(/\/login$/);
  });

  await test.step("the audit log shows who did it", async () => {
    await admin.goto("/admin/audit");
    await admin.getByRole("combobox", { name: t("admin.audit.action") }).selectOption("user.deleted");
    await admin.getByRole("button", { name: t("admin.audit.filter") }).click();
    const row = admin
      .getByRole("row")
      .filter({ hasText: t("admin.audit.actions.user.deleted") })
      .first();
    await expect(row).toContainText("Stefan Kühn");
    await expect(row).toContainText(t("admin.audit.formerMember"));
    await expectNoA11yViolations(admin);
  });

  await test.step("resending an invitation mails a new link", async () => {
    const invitee = { name: `Einladung ${Date.now()}`, email: `resend-${since}@e2e.example.org` };
    const { AdminSignupsPage } = await import("./pages/admin-signups-page");
    const signups = new AdminSignupsPage(coordinator);
    await signups.goto();
    await signups.invite(invitee);
    await waitForMail(invitee.email, { subject: t("mail.invitation.subject") });
    const before = Date.now();
    await openPerson(coordinator, invitee);
    await coordinator.getByRole("link", { name: t("admin.users.resend") }).click();
    await coordinator.getByRole("button", { name: t("admin.users.confirm.resend.button") }).click();
    await expect(coordinator.getByRole("status")).toHaveText(t("admin.users.done.invitationResent"));
    await waitForMail(invitee.email, { subject: t("mail.invitation.subject"), since: before });
  });
});

test("settings: contrast is checked before saving; name, logo and legal texts are saved", {
  tag: "@network-wide",
}, async ({ admin, newPage }) => {
  await admin.goto("/admin/settings");
  await expectNoA11yViolations(admin);
  const colors = admin.getByRole("region", { name: t("admin.settings.colorsHeading") });

  await test.step("a light colour is refused with its contrast, the value kept", async () => {
    const brand = colors.getByRole("textbox", { name: t("admin.settings.colorBrand") });
    await brand.fill("#ffcc00");
    await colors.getByRole("button", { name: t("admin.settings.saveColors") }).click();
    await expect(colors.getByText(/Zu wenig Kontrast: 1[,.]\d+ : 1/)).toBeVisible();
    await expect(brand).toHaveValue("#ffcc00");
    await expect(brand).toHaveAttribute("aria-invalid", "true");
    await expectNoA11yViolations(admin);
  });

  await test.step("a dark colour is saved and used; then the defaults come back", async () => {
    await colors.getByRole("textbox", { name: t("admin.settings.colorBrand") }).fill("#6a1b4d");
    await colors.getByRole("button", { name: t("admin.settings.saveColors") }).click();
    await expect(colors.getByRole("status")).toHaveText(t("admin.settings.colorsSaved"));
    await admin.goto("/admin/settings");
    const themed = await admin
      .getByRole("button", { name: t("admin.settings.saveColors") })
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(themed).toBe("rgb(106, 27, 77)");
    await admin.getByRole("button", { name: t("admin.settings.resetColors") }).click();
    await expect(
      admin.getByRole("status").filter({ hasText: t("admin.settings.colorsReset") }),
    ).toBeVisible();
  });

  const logo = admin.getByRole("region", { name: t("admin.settings.logoHeading") });
  await test.step("a logo is checked by content and shown in the header", async () => {
    await logo.getByLabel(t("admin.settings.logoChoose")).setInputFiles({
      name: "logo.png",
      mimeType: "image/png",
      buffer: Buffer.from("not really a picture"),
    });
    await logo.getByRole("button", { name: t("admin.settings.logoUpload") }).click();
    await expect(logo.getByText(t("admin.errors.logoType"))).toBeVisible();
    // a wide logo, as networks have them
    const png = await sharp({
      create: { width: 200, height: 60, channels: 3, background: "#0b5394" },
    })
      .png()
      .toBuffer();
    await logo
      .getByLabel(t("admin.settings.logoChoose"))
      .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
    await logo.getByRole("button", { name: t("admin.settings.logoUpload") }).click();
    await expect(logo.getByRole("status")).toHaveText(t("admin.settings.logoSaved"));
    await admin.goto("/");
    await expect(admin.getByRole("banner").locator('img[src^="/api/network/logo"]')).toHaveCount(1);
  });

  await test.step("the network's long name fits a phone beside the logo, shows at once to visitors, and names the sender", async () => {
    const name = "Integrationsnetzwerk Burgenlandkreis";
    // a visitor whose landing page is in the page cache
    const visitor = await newPage({ viewport: { width: 390, height: 844 } });
    await visitor.goto("/");
    await admin.goto("/admin/settings");
    const general = admin.getByRole("region", { name: t("admin.settings.generalHeading") });
    const field = general.getByRole("textbox", { name: t("admin.settings.networkName") });
    const original = await field.inputValue();
    const sender = general.getByRole("textbox", { name: t("admin.settings.senderName"), exact: true });
    try {
      await field.fill(name);
      // a sender name alone is sent with the server's address, as the hint says
      await sender.fill("Integrationsnetzwerk BLK");
      await general.getByRole("textbox", { name: t("admin.settings.senderAddress"), exact: true }).fill("");
      await general.getByRole("button", { name: t("admin.settings.save") }).click();
      await expect(general.getByRole("status")).toHaveText(t("admin.settings.saved"));
      await expect(sender).toHaveValue("Integrationsnetzwerk BLK");
      await admin.goto("/events");
      await expect(admin).toHaveTitle(`${t("events.title")} · ${name}`);
      for (const path of ["/", "/?lang=ar"]) {
        // Another web process checks the settings counter at most once a second (README, page cache).
        await expect(async () => {
          await visitor.goto(path);
          await expect(visitor.getByRole("banner").getByRole("link", { name })).toBeVisible({ timeout: 500 });
        }).toPass({ timeout: 5_000 });
        const width = await visitor.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} is wider than the phone`).toBeLessThanOrEqual(390);
      }
    } finally {
      await admin.goto("/admin/settings");
      await general.getByRole("textbox", { name: t("admin.settings.networkName") }).fill(original);
      await sender.fill("");
      await general.getByRole("button", { name: t("admin.settings.save") }).click();
      await expect(general.getByRole("status")).toHaveText(t("admin.settings.saved"));
      await admin.getByRole("button", { name: t("admin.settings.logoRemove") }).click();
      await expect(
        admin.getByRole("status").filter({ hasText: t("admin.settings.logoRemoved") }),
      ).toBeVisible();
    }
  });

  await test.step("a legal text needs its German version; saving keeps what was typed", async () => {
    await admin
      .getByRole("region", { name: t("admin.settings.legalHeading") })
      .getByRole("link", { name: t("shell.imprint") })
      .click();
    await expect(admin.getByRole("heading", { level: 1, name: t("shell.imprint") })).toBeVisible();
    // A plain link: the page loads anew, and a click before React has taken it over can be lost.
    await waitForHydration(admin.getByRole("button", { name: t("admin.settings.saveLegal") }));
    const german = admin.getByRole("textbox", { name: t("admin.settings.legalLanguage.de") });
    const english = admin.getByRole("textbox", { name: t("admin.settings.legalLanguage.en") });
    const original = await german.inputValue();
    const originalEnglish = await english.inputValue();
    await german.fill("");
    await english.fill(`${originalEnglish}\n\nAddendum`);
    await admin.getByRole("button", { name: t("admin.settings.saveLegal") }).click();
    await expect(admin.getByText(t("errors.required"))).toBeVisible();
    await expect(english).toHaveValue(`${originalEnglish}\n\nAddendum`);
    await expectNoA11yViolations(admin);
    await german.fill(original);
    await english.fill(originalEnglish);
    await admin.getByRole("button", { name: t("admin.settings.saveLegal") }).click();
    await expect(admin.getByRole("status")).toHaveText(t("admin.settings.legalSaved"));
  });
});

test("settings: a logo over 1 MB is refused beside the field as it is chosen, and uploading anyway sends nothing", async ({
  admin,
}) => {
  await admin.goto("/admin/settings");
  const logo = admin.getByRole("region", { name: t("admin.settings.logoHeading") });
  const field = logo.getByLabel(t("admin.settings.logoChoose"));
  const tooLarge = new RegExp(escapeRegExp(t("admin.errors.logoFileTooLarge")));
  await waitForHydration(field);
  await field.setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: Buffer.alloc(1024 * 1024 + 1),
  });
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(tooLarge);
  expect(await field.evaluate((input: HTMLInputElement) => input.files?.length)).toBe(0);
  await expectNoA11yViolations(admin);

  const posts: string[] = [];
  admin.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await logo.getByRole("button", { name: t("admin.settings.logoUpload") }).click();
  await admin.waitForLoadState("networkidle");
  expect(posts).toEqual([]);
  await expect(field).toBeFocused();
  await expect(field).toHaveAccessibleDescription(tooLarge);
});
