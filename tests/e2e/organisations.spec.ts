import type { Locator, Page } from "@playwright/test";
import { VISIBILITY } from "../../db/schema";
import { MEMBERS } from "../../db/seed-data/network";
import { profileDetailsFor } from "../../db/seed-data/profile-details";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { AdminSignupsPage } from "./pages/admin-signups-page";
import { OrganisationsPage } from "./pages/organisations-page";
import { SignupPage } from "./pages/signup-page";
import { expectNoA11yViolations } from "./support/a11y";
import {
  APPLICANT,
  COORDINATOR_STATE,
  escapeRegExp,
  expect,
  signInAs,
  test,
  tr,
  uniqueEmail,
  uniqueSuffix,
  waitForHydration,
} from "./support/fixtures";
import { expectInertFor, recordDialogs } from "./support/xss";

const t = tr("de");
const LOGISTICS = "Logistikzentrum Lützen GmbH";
const JOBCENTER = "Jobcenter Burgenlandkreis";
const SOZIALWERK = "Sozialwerk Saale-Unstrut e. V.";

test("a visitor finds an organisation by its type and sees only the people shown to everyone", async ({
  page,
}) => {
  const organisations = new OrganisationsPage(page);
  await organisations.gotoList();
  await expect(organisations.card(JOBCENTER)).toBeVisible();
  await expectNoA11yViolations(page);

  await organisations.filter({ type: "employer" });
  await expect(page).toHaveURL(/[?&]type=employer/);
  await expect(organisations.card(LOGISTICS)).toBeVisible();
  await expect(organisations.card(JOBCENTER)).toHaveCount(0);
  await expect(organisations.card(LOGISTICS)).toContainText(t("organisations.types.employer"));

  await organisations.open(LOGISTICS);
  await expect(page.getByText(t("organisations.types.employer")).first()).toBeVisible();
  // The seed shows some people to everyone and most to members only: a visitor sees only the former.
  const staff = MEMBERS.filter((m) => m.organisation === "logistikzentrum-luetzen");
  const isPublic = (name: string) => {
    const { visName, visOrganisation } = profileDetailsFor(name);
    return visName === VISIBILITY.public && visOrganisation === VISIBILITY.public;
  };
  const shown = staff.filter((m) => isPublic(m.name)).map((m) => m.name);
  const notShown = staff.filter((m) => !isPublic(m.name)).map((m) => m.name);
  expect(notShown.length).toBeGreaterThan(0);
  const people = organisations.peopleSection();
  for (const name of shown) await expect(people.getByRole("link", { name, exact: true })).toBeVisible();
  for (const name of notShown) await expect(page.getByText(name)).toHaveCount(0);
  if (shown.length === 0) await expect(people).toContainText(t("organisations.noPeopleVisitor"));
  await expect(page.getByRole("link", { name: t("organisations.edit"), exact: true })).toHaveCount(0);
  await expectNoA11yViolations(page);
});

test("the Arabic organisation page reads right to left", async ({ newPage, baseURL }) => {
  const page = await newPage();
  await page.context().addCookies([{ name: "locale", value: "ar", url: baseURL! }]);
  await page.goto("/organisations/jobcenter-burgenlandkreis");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1, name: JOBCENTER })).toBeVisible();
  const ar = tr("ar");
  await expect(page.getByRole("heading", { level: 2, name: ar("organisations.peopleTitle") })).toBeVisible();
  await expect(page.getByText(ar("organisations.types.public_authority"))).toBeVisible();
  await expectNoA11yViolations(page);
});

/**
 * Whether the text's last character shows at its end, right of its first one: a Latin name between
 * Arabic labels that is not isolated shows its final "." on the left (".Sozialwerk Saale-Unstrut e. V").
 */
const endsOnTheRight = (text: Locator) =>
  text.evaluate((element) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const box = (node: Text, at: number) => {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect();
    };
    const [first, last] = [nodes[0]!, nodes.at(-1)!];
    return box(last, last.length - 1).left > box(first, 0).left;
  });

test("Arabic pages keep an organisation's final full stop at the end of its name", async ({
  coordinator: page,
  newPage,
  baseURL,
}) => {
  await page.context().addCookies([{ name: "locale", value: "ar", url: baseURL! }]);
  await page.goto(`/organisations?q=${encodeURIComponent("Sozialwerk")}`);
  const card = page.getByRole("article", { name: SOZIALWERK });
  expect(await endsOnTheRight(card.getByRole("link", { name: SOZIALWERK }))).toBe(true);
  await card.getByRole("link", { name: SOZIALWERK }).click();
  const heading = page.getByRole("heading", { level: 1, name: SOZIALWERK });
  expect(await endsOnTheRight(heading)).toBe(true);
  await expectNoA11yViolations(page);

  const people = page.getByRole("region", { name: tr("ar")("organisations.peopleTitle") });
  await people.getByRole("link", { name: "Tesfay Gebremedhin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Tesfay Gebremedhin" })).toBeVisible();
  expect(await endsOnTheRight(page.getByRole("main").getByRole("link", { name: SOZIALWERK }))).toBe(true);
  await expectNoA11yViolations(page);

  // An applicant's organisation and function are isolated the same way while they wait.
  const applicant = await newPage();
  await applicant.context().addCookies([{ name: "locale", value: "ar", url: baseURL! }]);
  await signInAs(applicant, APPLICANT);
  await applicant.goto("/application");
  for (const text of ["Volkshochschule Burgenlandkreis", "Honorarlehrkraft Deutschkurse"]) {
    await expect(applicant.locator("dd > bdi", { hasText: text })).toHaveCSS("unicode-bidi", "isolate");
  }
});

test("the coordinator edits an organisation's description and sees it rendered", async ({ coordinator }) => {
  const organisations = new OrganisationsPage(coordinator);
  const marker = `Sprechstunde ${uniqueSuffix()}`;
  await coordinator.goto("/organisations/sozialwerk-saale-unstrut");
  await expect(coordinator.getByRole("heading", { level: 1, name: SOZIALWERK })).toBeVisible();
  // members see the people whose organisation is visible to members
  await expect(organisations.peopleSection().getByRole("link", { name: "Tesfay Gebremedhin" })).toBeVisible();
  await coordinator.getByRole("link", { name: t("organisations.edit"), exact: true }).click();
  await expect(
    coordinator.getByRole("heading", { level: 1, name: t("organisations.editTitle", { name: SOZIALWERK }) }),
  ).toBeVisible();
  await expectNoA11yViolations(coordinator);

  await test.step("an invalid postcode is explained beside the field; the text is kept", async () => {
    // Typed before React has taken the form over, the text was once saved in front of the old one.
    await waitForHydration(organisations.field("description"));
    const description = `**${marker}** jeden Dienstag\nim Bürgerhaus, Raum 2\n\n- Beratung\n- Begleitung`;
    await organisations.field("description").fill(description);
    await organisations.field("postcode").fill("6712");
    await organisations.save();
    await expect(organisations.field("postcode")).toHaveAttribute("aria-invalid", "true");
    await expect(organisations.field("postcode")).toHaveAccessibleDescription(
      new RegExp(`^${escapeRegExp(t("errors.invalidPostcode"))}`),
    );
    await expect(organisations.field("description")).toHaveValue(description);
    await expectNoA11yViolations(coordinator);
  });

  await test.step("saved, the description shows as formatted text", async () => {
    await organisations.field("postcode").fill("06712");
    await organisations.save();
    await expect(coordinator).toHaveURL(/\/organisations\/sozialwerk-saale-unstrut\?saved=1$/);
    await expect(coordinator.getByRole("status")).toHaveText(t("organisations.saved"));
    await expect(coordinator.locator("strong", { hasText: marker })).toBeVisible();
    // a line typed below another stays below it
    const opening = coordinator.locator("p", { has: coordinator.locator("strong", { hasText: marker }) });
    await expect(opening).toHaveJSProperty("innerText", `${marker} jeden Dienstag\nim Bürgerhaus, Raum 2`);
    await expect(coordinator.getByRole("listitem").filter({ hasText: /^Begleitung$/ })).toBeVisible();
    await expect(coordinator.locator("address")).toContainText("06712");
    await expectNoA11yViolations(coordinator);
  });
});

/**
 * Someone applies, proposing a new organisation, and confirms their address; returns their name and
 * whether the form asked if the organisation exists already.
 */
async function proposeAtSignup(page: Page, organisation: string) {
  const name = `Greta Sommer ${uniqueSuffix()}`;
  const asked = await new SignupPage(page).applyAndConfirm({
    name,
    email: uniqueEmail("greta"),
    organisation: { propose: organisation },
    jobFunction: "Ehrenamtliche Koordinatorin",
    municipality: "Gleina",
    topics: ["volunteering"],
    languages: ["de"],
  });
  return { name, asked };
}

/** The admin list's link to the proposed organisation's own page. */
async function proposedPageHref(admin: OrganisationsPage, name: string) {
  await admin.gotoAdmin();
  await expect(admin.card(name)).toBeVisible();
  return (await admin
    .card(name)
    .getByRole("link", { name: t("organisations.admin.view") })
    .getAttribute("href"))!;
}

test("the coordinator confirms an organisation proposed at sign-up", async ({
  page,
  coordinator,
  newPage,
}) => {
  const name = `Nachbarschaftsinitiative Gleina ${uniqueSuffix()}`;
  await test.step("someone proposes it when applying", () => proposeAtSignup(page, name));

  const admin = new OrganisationsPage(coordinator);
  const href = await proposedPageHref(admin, name);
  await expectNoA11yViolations(coordinator);

  const visitor = await newPage();
  await test.step("until confirmed, visitors cannot see it", async () => {
    await visitor.goto(href);
    await expect(visitor.getByRole("heading", { level: 1, name: t("notFound.title") })).toBeVisible();
  });

  await test.step("the coordinator confirms it", async () => {
    await admin.confirmButton(name).click();
    await expect(admin.card(name).getByRole("status")).toHaveText(t("organisations.admin.confirmed"));
    await admin.gotoAdmin();
    await expect(admin.card(name)).toHaveCount(0);
  });

  await test.step("now it is listed and has its own page", async () => {
    const list = new OrganisationsPage(visitor);
    await list.gotoList();
    await list.filter({ q: name });
    await list.open(name);
    await expect(visitor).toHaveURL(new RegExp(`${escapeRegExp(href)}$`));
    await expectNoA11yViolations(visitor);
  });
});

test("the coordinator rejects a proposed organisation: it is deleted and never listed", async ({
  page,
  coordinator,
}) => {
  const name = `Verein Ohne Adresse ${uniqueSuffix()}`;
  const { name: applicant } = await proposeAtSignup(page, name);
  const admin = new OrganisationsPage(coordinator);
  const href = await proposedPageHref(admin, name);

  await admin.rejectButton(name).click();
  await expect(admin.card(name).getByRole("status")).toHaveText(t("organisations.admin.rejected"));
  await expectNoA11yViolations(coordinator);
  await admin.gotoAdmin();
  await expect(admin.card(name)).toHaveCount(0);
  // Deleted, not hidden: not even the coordinator finds its page or a trace in the list.
  await coordinator.goto(href);
  await expect(coordinator.getByRole("heading", { level: 1, name: t("notFound.title") })).toBeVisible();
  await admin.gotoList();
  await admin.filter({ q: name });
  await expect(admin.card(name)).toHaveCount(0);
  // The applicant is still waiting, now without an organisation; their card says why.
  const card = await new AdminSignupsPage(coordinator).gotoCard(applicant);
  await expect(card).toContainText(t("signups.proposalRejected", { name }));
  await expect(card).not.toContainText(t("signups.proposed", { name }));
});

test("a proposal like an existing organisation: proposed anyway, the coordinator assigns it to the existing one", async ({
  page,
  coordinator,
}) => {
  const name = `${JOBCENTER} ${uniqueSuffix()}`;
  const { name: applicant, asked } = await proposeAtSignup(page, name);
  // asked "Gibt es diese Organisation schon?", the applicant answered "Nein, neu anlegen"
  expect(asked).toBe(true);
  const admin = new OrganisationsPage(coordinator);
  await admin.gotoAdmin();
  const similar = admin.card(name).getByRole("region", { name: t("organisations.admin.similarTitle") });
  await expect(similar.getByRole("link", { name: JOBCENTER, exact: true })).toBeVisible();
  await expectNoA11yViolations(coordinator);
  await similar
    .getByRole("button", { name: t("organisations.admin.mergeIntoLabel", { name, into: JOBCENTER }) })
    .click();
  await expect(admin.card(name).getByRole("status")).toHaveText(t("organisations.admin.merged"));
  const card = await new AdminSignupsPage(coordinator).gotoCard(applicant);
  await expect(card).toContainText(JOBCENTER);
  await expect(card).not.toContainText(t("signups.proposed", { name }));
});

test("a proposal whose organisation is not among the similar ones: the coordinator types its name, with and without JavaScript", async ({
  page,
  coordinator,
  newPage,
}) => {
  const existing = "Koordinierungsstelle Integration des Burgenlandkreises";
  const name = `Nachbarschaftstreff Gleina ${uniqueSuffix()}`;
  const { name: applicant } = await proposeAtSignup(page, name);
  const admin = new OrganisationsPage(coordinator);
  await admin.gotoAdmin();
  const field = admin.mergeField(name);
  // the network's organisations are suggested while typing
  const choices = await field.getAttribute("list");
  await expect(coordinator.locator(`datalist[id="${choices}"] option[value="${existing}"]`)).toHaveCount(1);
  const unknown = `${existing} Nord`;
  const saidBeside = async (typed: Locator) => {
    await expect(typed).toHaveAttribute("aria-invalid", "true");
    await expect(typed).toHaveAccessibleDescription(
      new RegExp(`^${escapeRegExp(t("errors.unknownMergeTarget"))}`),
    );
    await expect(typed).toHaveValue(unknown);
  };

  await test.step("a name no confirmed organisation has is said beside the field, with what was typed", async () => {
    await waitForHydration(field);
    await field.fill(unknown);
    await admin.mergeTypedButton(name).click();
    await saidBeside(field);
    await expectNoA11yViolations(coordinator);
  });

  await test.step("the same without JavaScript", async () => {
    const plain = new OrganisationsPage(
      await newPage({ storageState: COORDINATOR_STATE, javaScriptEnabled: false }),
    );
    await plain.gotoAdmin();
    await plain.mergeField(name).fill(unknown);
    await plain.mergeTypedButton(name).click();
    await saidBeside(plain.mergeField(name));
  });

  await test.step("typed in another case and with extra spaces, the organisation is found and its people go there", async () => {
    await admin.gotoAdmin();
    await waitForHydration(admin.mergeField(name));
    await admin.mergeField(name).fill(`  ${existing.toLowerCase().replace(" des ", "  des ")} `);
    await admin.mergeTypedButton(name).click();
    await expect(admin.card(name).getByRole("status")).toHaveText(t("organisations.admin.merged"));
    const card = await new AdminSignupsPage(coordinator).gotoCard(applicant);
    await expect(card).toContainText(existing);
    await expect(card).not.toContainText(t("signups.proposed", { name }));
  });
});

test("a member made admin of their organisation edits its page until the right is taken back", async ({
  coordinator,
  newPage,
}) => {
  const slug = "logistikzentrum-luetzen";
  const email = "anja.seidel@example.org";
  const admin = new OrganisationsPage(coordinator);
  const grant = async (button: "grant" | "revoke", message: "adminGranted" | "adminRevoked") => {
    await admin.gotoAdmin();
    const admins = coordinator.getByRole("region", { name: t("organisations.admin.adminsTitle") });
    await admins.getByLabel(t("organisations.admin.organisation")).fill(`/organisations/${slug}`);
    await admins.getByLabel(t("organisations.admin.memberEmail")).fill(email);
    await admins.getByRole("button", { name: t(`organisations.admin.${button}`) }).click();
    await expect(admins.getByText(t(`organisations.admin.${message}`))).toBeVisible();
  };

  const member = await newPage();
  await signInAs(member, email);
  await member.goto(`/organisations/${slug}`);
  await expect(member.getByRole("link", { name: t("organisations.edit"), exact: true })).toHaveCount(0);
  expect((await member.goto(`/organisations/${slug}/edit`))?.status()).toBe(404);

  await grant("grant", "adminGranted");
  await expectNoA11yViolations(coordinator);

  const marker = `Familienfrühstück ${uniqueSuffix()}`;
  const organisation = new OrganisationsPage(member);
  await member.goto(`/organisations/${slug}`);
  await member.getByRole("link", { name: t("organisations.edit"), exact: true }).click();
  await organisation.field("description").fill(`Jeden Samstag: **${marker}**.`);
  await organisation.save();
  await expect(member.getByRole("status")).toHaveText(t("organisations.saved"));
  await expect(member.locator("strong", { hasText: marker })).toBeVisible();

  await grant("revoke", "adminRevoked");
  expect((await member.goto(`/organisations/${slug}/edit`))?.status()).toBe(404);
});

test("an organisation description with 60 XSS payloads renders inert for its editor and for visitors", async ({
  coordinator,
  page,
}) => {
  const dialogs = recordDialogs(coordinator, page);
  const organisations = new OrganisationsPage(coordinator);
  const url = "/organisations/sv-blau-weiss-weissenfels";
  await coordinator.goto(`${url}/edit`);
  await organisations.field("description").fill(XSS_PAYLOADS.join("\n\n"));
  await organisations.save();
  await expect(coordinator.getByRole("status")).toHaveText(t("organisations.saved"));
  await expectInertFor([coordinator, page], url, (viewer) => new OrganisationsPage(viewer).description());
  expect(dialogs).toEqual([]);
});

test("on a slow connection, text typed before the page's scripts arrive is kept and saved", async ({
  coordinator,
}) => {
  let scriptsArrive!: () => void;
  const slow = new Promise<void>((resolve) => {
    scriptsArrive = resolve;
  });
  await coordinator.route("**/_next/static/chunks/**", async (route) => {
    await slow;
    await route.continue();
  });
  const organisations = new OrganisationsPage(coordinator);
  await coordinator.goto("/organisations/mehrgenerationenhaus-hohenmoelsen/edit", { waitUntil: "commit" });
  const description = organisations.field("description");
  const marker = `Offener Treff ${uniqueSuffix()}`;
  await description.fill(`**${marker}** jeden Mittwoch.`);

  scriptsArrive();
  await waitForHydration(description);
  await expect(description).toHaveValue(`**${marker}** jeden Mittwoch.`);
  await organisations.save();
  await expect(coordinator.getByRole("status")).toHaveText(t("organisations.saved"));
  await expect(coordinator.locator("strong", { hasText: marker })).toBeVisible();
});
