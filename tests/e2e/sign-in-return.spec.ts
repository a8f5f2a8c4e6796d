import type { Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { invitedMember } from "./support/admin-fixtures";
import { escapeRegExp, expect, test, tr } from "./support/fixtures";
import { codeIn, linkIn, waitForMail } from "./support/mailbox";

const t = tr("de");

/** Asks for a link on the login page the browser is on; returns the mail, once the check-email page shows. */
async function requestLinkHere(page: Page, email: string) {
  const since = Date.now();
  await page.getByLabel(t("login.email"), { exact: true }).fill(email);
  await page.getByRole("button", { name: t("login.submit") }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("checkEmail.title") })).toBeVisible();
  return waitForMail(email, { subject: t("mail.signin.subject"), since });
}

/** Types the code from the mail on the check-email page, as on a second device. */
async function typeCode(page: Page, code: string) {
  await page.getByRole("textbox", { name: t("checkEmail.code") }).fill(code);
  await page.getByRole("button", { name: t("checkEmail.submit") }).click();
}

test("without JavaScript, a signed-out member opening /messages signs in with the mail's link and lands on /messages", async ({
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Nora");
  const page = await newPage({ javaScriptEnabled: false });

  await page.goto("/messages");
  await expect(page).toHaveURL(/\/login\?next=%2Fmessages$/);
  const mail = await requestLinkHere(page, member.email);

  await page.goto(linkIn(mail));
  await expect(page).toHaveURL(/\/messages$/);
  await expect(page.getByRole("heading", { level: 1, name: t("messages.title") })).toBeVisible();
});

test("a deep link with query and fragment survives signing in with the code", async ({
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Olek");
  const page = await newPage();
  const deepLink = "/messages/new?q=Vogel#search-heading";

  await page.goto(deepLink);
  await expect(page).toHaveURL(/\/login\?next=%2Fmessages%2Fnew%3Fq%3DVogel#search-heading$/);
  await expectNoA11yViolations(page);
  const mail = await requestLinkHere(page, member.email);
  await typeCode(page, codeIn(mail));

  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(deepLink)}$`));
  await expect(page.getByRole("heading", { level: 1, name: t("messages.new.title") })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: t("messages.new.search") })).toHaveValue("Vogel");
});

test("a notification's link to a post in a members-only thread brings a signed-out member back to that post", async ({
  coordinator,
  newPage,
}) => {
  const title = "Wohnungssuche in Weißenfels – Erfahrungen mit Vermietern?";
  await coordinator.goto("/forum/c/wohnen");
  await coordinator.getByRole("link", { name: title }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const threadPath = new URL(coordinator.url()).pathname;
  const member = await invitedMember(coordinator, newPage, "Pia");

  const page = await newPage();
  await page.goto(`${threadPath}#post-2`);
  await expect(page).toHaveURL(`/login?${new URLSearchParams({ next: threadPath })}#post-2`);
  const mail = await requestLinkHere(page, member.email);
  expect(new URL(linkIn(mail)).searchParams.get("callbackUrl")).toBe(
    new URL(`${threadPath}#post-2`, page.url()).href,
  );

  await page.goto(linkIn(mail));
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(threadPath)}#post-2$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("a members-only page that is not found for a visitor offers the login that returns to it", async ({
  page,
}) => {
  expect((await page.goto("/forum/c/wohnen"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: t("notFound.title") })).toBeVisible();
  const linkText = (t.raw("notFound.signIn") as string).match(/<link>(.*)<\/link>/)![1]!;
  await expect(page.getByRole("main").getByRole("link", { name: linkText })).toHaveAttribute(
    "href",
    "/login?next=%2Fforum%2Fc%2Fwohnen",
  );
  await expectNoA11yViolations(page);
});

test("next=//evil.example is ignored: the mail's link and a code sent with it lead to /home", async ({
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Quirin");
  const page = await newPage();

  await page.goto("/login?next=//evil.example");
  await expect(page.locator('input[name="next"]')).toHaveCount(0);
  const mail = await requestLinkHere(page, member.email);
  expect(new URL(page.url()).searchParams.has("next")).toBe(false);
  expect(new URL(linkIn(mail)).searchParams.get("callbackUrl")).toBe(new URL("/home", page.url()).href);

  // The code form is a plain GET form: a hand-made callbackUrl to another host is refused as well.
  const params = new URLSearchParams({
    callbackUrl: "//evil.example",
    email: member.email,
    token: codeIn(mail),
  });
  await page.goto(`/api/auth/callback/nodemailer?${params}`);
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/home$/);
  await expect(
    page.getByRole("heading", { level: 1, name: t("home.welcome", { name: member.name }) }),
  ).toBeVisible();
});

test("a visitor signs in from a filtered member list and comes back to the same filter", async ({
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Rahel");
  const page = await newPage();
  const filtered = "/members?q=Beratung&language=ar";

  await page.goto(filtered);
  const signIn = page.getByRole("main").getByRole("link", { name: t("members.visitorLogin") });
  const href = `/login?${new URLSearchParams({ next: filtered })}`;
  await expect(signIn).toHaveAttribute("href", href);
  // The header's link returns here as well.
  await expect(
    page
      .getByRole("banner")
      .getByRole("link", { name: t("shell.navLogin"), exact: true })
      .first(),
  ).toHaveAttribute("href", href);
  await expectNoA11yViolations(page);
  await signIn.click();
  await expect(page).toHaveURL(href);
  const mail = await requestLinkHere(page, member.email);
  await typeCode(page, codeIn(mail));

  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(filtered)}$`));
  await expect(page.getByRole("searchbox", { name: t("members.filters.q") })).toHaveValue("Beratung");
  await expect(page.getByRole("combobox", { name: t("members.filters.language") })).toHaveValue("ar");
  await expect(page.getByRole("main").getByRole("link", { name: t("members.visitorLogin") })).toHaveCount(0);
});

test("a visitor on an event's page signs in from the reply panel with the mail's link and can answer there", async ({
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Samir");
  const page = await newPage();
  await page.goto("/events");
  await page
    .getByRole("link", { name: /Online-Sprechstunde: Fragen rund um Aufenthalt/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/events\/[^/?#]+/);
  const eventUrl = new URL(page.url());
  const eventPath = `${eventUrl.pathname}${eventUrl.search}`;

  const signIn = page.getByRole("link", { name: t("events.signInToRsvp") });
  await expect(signIn).toHaveAttribute("href", `/login?${new URLSearchParams({ next: eventPath })}`);
  await expectNoA11yViolations(page);
  await signIn.click();
  const mail = await requestLinkHere(page, member.email);
  await page.goto(linkIn(mail));

  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(eventPath)}$`));
  await expect(page.getByRole("button", { name: t("events.answer.maybe") })).toBeVisible();
});

/** Picks a language in the header, as a person does (a click on this site also keeps it with the account). */
async function chooseLanguage(page: Page, from: "de" | "en", name: string, locale: string) {
  await page
    .getByRole("navigation", { name: tr(from)("shell.languageNav") })
    .getByRole("link", { name })
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

test("a member who chose Ukrainian signs in on a new phone and the site opens in Ukrainian; a browser's own choice stays", async ({
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Dmytro");
  await chooseLanguage(member.page, "de", "Українська", "uk");
  const uk = tr("uk");

  // A new phone, German by its browser, no language chosen on it yet.
  const phone = await newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto("/login");
  await expect(phone.locator("html")).toHaveAttribute("lang", "de");
  let since = Date.now();
  await phone.getByLabel(t("login.email"), { exact: true }).fill(member.email);
  await phone.getByRole("button", { name: t("login.submit") }).click();
  await expect(phone.getByRole("heading", { level: 1, name: t("checkEmail.title") })).toBeVisible();
  const mail = await waitForMail(member.email, { subject: uk("mail.signin.subject"), since });
  await phone.goto(linkIn(mail));
  await expect(phone).toHaveURL(/\/home$/);
  await expect(phone.locator("html")).toHaveAttribute("lang", "uk");
  await phone.goto("/notifications");
  await expect(phone.getByRole("heading", { level: 1, name: uk("notifications.title") })).toBeVisible();
  await expectNoA11yViolations(phone);

  // A browser where English was chosen before signing in stays English.
  const laptop = await newPage();
  await laptop.goto("/login");
  await chooseLanguage(laptop, "de", "English", "en");
  const en = tr("en");
  since = Date.now();
  await laptop.getByLabel(en("login.email"), { exact: true }).fill(member.email);
  await laptop.getByRole("button", { name: en("login.submit") }).click();
  await expect(laptop.getByRole("heading", { level: 1, name: en("checkEmail.title") })).toBeVisible();
  await laptop.goto(linkIn(await waitForMail(member.email, { subject: uk("mail.signin.subject"), since })));
  await expect(laptop).toHaveURL(/\/home$/);
  await expect(laptop.locator("html")).toHaveAttribute("lang", "en");
});
