import { readFile } from "node:fs/promises";
import { AdminSignupsPage } from "./pages/admin-signups-page";
import { SignupPage } from "./pages/signup-page";
import { expectNoA11yViolations } from "./support/a11y";
import { expect, invitedMember, test } from "./support/admin-fixtures";
import { requestSignInLink, tr, uniqueEmail, uniqueLetters } from "./support/fixtures";
import { mailsTo, waitForMail } from "./support/mailbox";

const t = tr("de");

test("a member downloads their own data as JSON, and nobody else's", async ({ coordinator, newPage }) => {
  const member = await invitedMember(coordinator, newPage, "Export");
  const other = await invitedMember(coordinator, newPage, "Andere");
  const page = member.page;
  await page.getByRole("link", { name: t("privacy.navLink") }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("privacy.title") })).toBeVisible();
  await expectNoA11yViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: t("privacy.exportButton") }).click(),
  ]);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());
  expect(download.suggestedFilename()).toBe(`knotenpunkt-data-${today}.json`);
  const data = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(data.account).toMatchObject({ name: member.name, email: member.email });
  expect(Object.keys(data)).toEqual(
    expect.arrayContaining(["profile", "consents", "forumPosts", "eventRsvps"]),
  );
  expect(JSON.stringify(data)).not.toContain(other.email);

  // without a session there is nothing to download
  const visitor = await newPage();
  const response = await visitor.request.get("/settings/privacy/export");
  expect(response.status()).toBe(404);
});

test("a member deletes their account, confirmed by the link in an e-mail", async ({
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Abschied");
  const page = member.page;
  // Something they wrote stays after the deletion, without their name.
  const title = `Danke für alles ${Date.now()}`;
  await page.goto("/forum/new");
  await page.getByLabel(t("forum.composer.category")).selectOption({ label: "Wohnen" });
  await page.getByRole("textbox", { name: t("forum.composer.threadTitle") }).fill(title);
  await page
    .getByRole("textbox", { name: t("forum.composer.body") })
    .fill("Ich ziehe weg. Viel Erfolg euch allen!");
  await page.getByRole("button", { name: t("forum.composer.createThread") }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const threadUrl = page.url();
  // … and a conversation with the coordinator, who can read it but no longer answer.
  await page.goto(`/messages/new?q=${encodeURIComponent("Katrin Vogel")}`);
  await page.getByRole("link", { name: t("messages.new.add", { name: "Katrin Vogel" }) }).click();
  await page.getByRole("textbox", { name: t("messages.compose.body") }).fill("Danke für die Hilfe!");
  await page.getByRole("button", { name: t("messages.compose.send") }).click();
  await expect(page.getByText("Danke für die Hilfe!")).toBeVisible();
  const conversationUrl = new URL(page.url()).pathname;

  await page.goto("/settings/privacy");
  const since = Date.now();
  await page.getByRole("button", { name: t("privacy.deleteButton") }).click();
  await expect(page.getByRole("status")).toHaveText(t("privacy.deleteMailSent", { email: member.email }));
  // nothing is deleted yet
  await page.goto("/home");
  await expect(page).toHaveURL(/\/home$/);

  const mail = await waitForMail(member.email, { subject: t("privacy.mail.subject"), since });
  const link = mail.text.match(/https?:\/\/\S+\/settings\/privacy\/delete\?token=\S+/)?.[0];
  expect(link).toBeTruthy();

  // opened on another device, without being signed in there
  const phone = await newPage();
  await phone.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(phone.getByRole("heading", { level: 1, name: t("privacy.confirmTitle") })).toBeVisible();
  await expectNoA11yViolations(phone);
  await phone.getByRole("button", { name: t("privacy.confirmButton") }).click();
  await expect(phone.getByRole("heading", { level: 1, name: t("privacy.deletedTitle") })).toBeVisible();
  await expectNoA11yViolations(phone);

  // signed out everywhere; the link does not work twice
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login$/);
  await phone.goto(new URL(link!).pathname + new URL(link!).search);
  await expect(phone.getByRole("heading", { level: 1, name: t("privacy.linkInvalidTitle") })).toBeVisible();

  // the coordinator finds no trace of the name or address
  await coordinator.goto(`/admin/users?q=${encodeURIComponent(member.email)}`);
  await expect(coordinator.getByText(t("admin.users.found", { count: 0 }))).toBeVisible();
  // their post is still there, shown as by a former member
  await coordinator.goto(threadUrl);
  const post = coordinator.locator("#post-1");
  await expect(post).toContainText("Ich ziehe weg.");
  await expect(post.getByRole("heading", { level: 3 })).toHaveText(t("forum.formerMember"));
  await expect(coordinator.getByText(member.name)).toHaveCount(0);
  // the conversation says the person has left, and offers no reply, block or profile link
  await coordinator.goto(conversationUrl);
  await expect(coordinator.getByText("Danke für die Hilfe!")).toBeVisible();
  await expect(coordinator.getByText(t("messages.conversation.otherLeftNetwork"))).toBeVisible();
  await expect(coordinator.getByRole("textbox", { name: t("messages.compose.body") })).toHaveCount(0);
  await expect(coordinator.getByText(t("messages.formerMember")).first()).toBeVisible();
  await expect(coordinator.getByRole("link", { name: t("messages.formerMember") })).toHaveCount(0);
  await expect(coordinator.getByRole("main").locator("summary")).toHaveCount(0);
  await expectNoA11yViolations(coordinator);
});

test("a member mentioned in another's post deletes their account: the thread then shows a former member, not the name", async ({
  coordinator,
  newPage,
}) => {
  const mentioned = await invitedMember(coordinator, newPage, "Genannt");
  const writer = await invitedMember(coordinator, newPage, "Schreibt");
  const title = `Sprachcafé ${uniqueLetters()}`;
  await writer.page.goto("/forum/new");
  await writer.page.getByLabel(t("forum.composer.category")).selectOption({ label: "Sprache" });
  await writer.page.getByRole("textbox", { name: t("forum.composer.threadTitle") }).fill(title);
  await writer.page
    .getByRole("textbox", { name: t("forum.composer.body") })
    .fill(`Danke @${mentioned.name} für den Tipp mit dem Sprachcafé!`);
  await writer.page.getByRole("button", { name: t("forum.composer.createThread") }).click();
  await expect(writer.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const threadUrl = new URL(writer.page.url()).pathname;
  const body = writer.page.locator("#post-1 .forum-body");
  await expect(body.getByRole("link", { name: `@${mentioned.name}` })).toBeVisible();

  // The mentioned member deletes their account as anyone would: the button, the mail, the link.
  const page = mentioned.page;
  await page.goto("/settings/privacy");
  const since = Date.now();
  await page.getByRole("button", { name: t("privacy.deleteButton") }).click();
  await expect(page.getByRole("status")).toHaveText(t("privacy.deleteMailSent", { email: mentioned.email }));
  const mail = await waitForMail(mentioned.email, { subject: t("privacy.mail.subject"), since });
  const link = new URL(mail.text.match(/https?:\/\/\S+\/settings\/privacy\/delete\?token=\S+/)![0]);
  await page.goto(link.pathname + link.search);
  await page.getByRole("button", { name: t("privacy.confirmButton") }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("privacy.deletedTitle") })).toBeVisible();

  // Whoever reads the thread (its writer, a coordinator, a visitor) sees a former member.
  const visitor = await newPage();
  for (const reader of [writer.page, coordinator, visitor]) {
    await reader.goto(threadUrl);
    const text = reader.locator("#post-1 .forum-body");
    await expect(text).toContainText(`Danke @${t("forum.formerMember")} für den Tipp`);
    await expect(text.getByRole("link")).toHaveCount(0);
    await expect(reader.getByText(mentioned.name)).toHaveCount(0);
  }
  await expectNoA11yViolations(visitor);
  // … and a search for the name no longer finds the post.
  await visitor.goto(`/search?q=${encodeURIComponent(`"${mentioned.name}"`)}`);
  await expect(visitor.getByRole("link", { name: title })).toHaveCount(0);
});

test("the privacy policy page asks for consent and records it", async ({ coordinator, newPage }) => {
  const member = await invitedMember(coordinator, newPage, "Zustimmung");
  const page = member.page;
  // where a page the member opened sends them (lib/auth/viewer.ts): accepting returns to that page
  await page.goto("/settings/privacy/accept?next=%2Fforum%3Fx%3D1");
  await expect(page.getByRole("heading", { level: 1, name: t("privacy.acceptTitle") })).toBeVisible();
  await page.getByRole("button", { name: t("privacy.acceptButton") }).click();
  await expect(page.getByText(t("privacy.acceptRequired"))).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: t("privacy.acceptButton") }).click();
  await expect(page).toHaveURL(/\/forum\?x=1$/);
  await page.goto("/settings/privacy");
  await expect(
    page.getByRole("region", { name: t("privacy.consentsHeading") }).getByRole("listitem"),
  ).toHaveCount(1);
});

test("an applicant downloads their data, or withdraws and has it deleted, confirmed by mail", async ({
  coordinator,
  newPage,
}) => {
  const applicant = {
    name: `Rückzug ${uniqueLetters()}`,
    email: uniqueEmail("rueckzug"),
    organisation: { existing: "Volkshochschule Burgenlandkreis" },
    jobFunction: "Sprachmittlerin",
    municipality: "Weißenfels",
    topics: ["language"],
    languages: ["de"],
  };
  const page = await newPage();
  await new SignupPage(page).applyAndConfirm(applicant);
  const signups = new AdminSignupsPage(coordinator);
  await signups.gotoCard(applicant.name);
  await expectNoA11yViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: t("privacy.exportButton") }).click(),
  ]);
  const data = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(data.account).toMatchObject({ name: applicant.name, email: applicant.email, status: "pending" });

  const since = Date.now();
  await page.getByRole("button", { name: t("privacy.withdrawButton") }).click();
  await expect(page.getByRole("status").filter({ hasText: applicant.email })).toHaveText(
    t("privacy.deleteMailSent", { email: applicant.email }),
  );
  await expectNoA11yViolations(page);
  // Worded as withdrawing an application, not as deleting a member's account.
  const mail = await waitForMail(applicant.email, { subject: t("privacy.withdraw.mail.subject"), since });
  const link = new URL(mail.text.match(/https?:\/\/\S+\/settings\/privacy\/delete\?token=\S+/)![0]);
  await page.goto(link.pathname + link.search);
  await expect(
    page.getByRole("heading", { level: 1, name: t("privacy.withdraw.confirmTitle") }),
  ).toBeVisible();
  await expect(page.getByText(t("privacy.deleteKept"))).toHaveCount(0);
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: t("privacy.withdraw.confirmButton") }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: t("privacy.withdraw.deletedTitle") }),
  ).toBeVisible();

  // signed out, and the address gets no sign-in link any more
  await page.goto("/application");
  await expect(page).toHaveURL(/\/login/);
  const asked = Date.now();
  await requestSignInLink(page, applicant.email);
  expect((await mailsTo(applicant.email)).filter((m) => m.receivedAt >= asked)).toEqual([]);
  await signups.expectNotQueued(applicant.name);
});
