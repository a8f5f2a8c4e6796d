import type { Browser, Page } from "@playwright/test";
import sharp from "sharp";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { AdminSignupsPage } from "./pages/admin-signups-page";
import { expectNoA11yViolations } from "./support/a11y";
import { expect, test, tr, uniqueEmail, uniqueSuffix } from "./support/fixtures";
import { linkIn, waitForMail } from "./support/mailbox";
import { expectInert, recordDialogs } from "./support/xss";

const t = tr("de");

/** Names without digits, so @mentions of them resolve like real names. */
const letters = () => uniqueSuffix().replace(/\d/g, (d) => "GHIJKLMNOP"[Number(d)]!);

/** A fresh member, invited by the coordinator and signed in through the invitation link. */
async function invitedMember(coordinator: Page, newPage: (o?: object) => Promise<Page>, first: string) {
  const person = { name: `${first} ${letters()}`, email: uniqueEmail(first.toLowerCase()) };
  const admin = new AdminSignupsPage(coordinator);
  await admin.goto();
  await admin.invite(person);
  const mail = await waitForMail(person.email, { subject: t("mail.invitation.subject") });
  const page = await newPage();
  await page.goto(linkIn(mail));
  await expect(page).toHaveURL(/\/home$/);
  return { page, person };
}

const pngImage = () =>
  sharp({ create: { width: 400, height: 300, channels: 3, background: "#16a085" } })
    .png()
    .toBuffer();

/** Opens /forum/new, fills the form; the caller presses preview or publish. */
async function fillNewThread(page: Page, input: { category: string; title: string; body: string }) {
  await page.goto("/forum/new");
  await expect(page.getByRole("heading", { level: 1, name: t("forum.newThread") })).toBeVisible();
  await page.getByLabel(t("forum.composer.category")).selectOption({ label: input.category });
  await page.getByRole("textbox", { name: t("forum.composer.threadTitle") }).fill(input.title);
  await page.getByRole("textbox", { name: t("forum.composer.body") }).fill(input.body);
}

const post = (page: Page, number: number) => page.locator(`#post-${number}`);

test("members discuss: image, preview, quote, mention, notification, edit history, report and moderation, search", async ({
  coordinator,
  newPage,
}) => {
  const anna = await invitedMember(coordinator, newPage, "Anna");
  const boris = await invitedMember(coordinator, newPage, "Boris");
  const word = `Wohnungsbaugenossenschaft${letters()}`;
  const title = `Wohnungen in Zeitz ${uniqueSuffix()}`;

  await test.step("Anna previews and publishes a thread with an image", async () => {
    await fillNewThread(anna.page, { category: "Wohnen", title, body: `Wer kennt die **${word}**?` });
    await anna.page.getByLabel(t("forum.composer.attachments")).setInputFiles({
      name: "plan.png",
      mimeType: "image/png",
      buffer: await pngImage(),
    });
    await anna.page.getByRole("button", { name: t("forum.composer.preview") }).click();
    const preview = anna.page.getByRole("region", { name: t("forum.composer.previewHeading") });
    await expect(preview.locator("strong")).toHaveText(word);
    await expectNoA11yViolations(anna.page);
    // The file input cannot survive a round trip: choose the image again, then publish.
    await anna.page.getByLabel(t("forum.composer.attachments")).setInputFiles({
      name: "plan.png",
      mimeType: "image/png",
      buffer: await pngImage(),
    });
    await anna.page.getByRole("button", { name: t("forum.composer.createThread") }).click();
    await expect(anna.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const image = post(anna.page, 1).getByRole("img", { name: t("forum.imageAlt", { name: "plan.webp" }) });
    await expect(image).toBeVisible();
    // The image has loaded (a lazy image may still be on its way once it is visible) and is the upload.
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(400);
    await expectNoA11yViolations(anna.page);
  });
  const threadUrl = anna.page.url();

  await test.step("Boris quotes Anna and mentions her; Anna is notified", async () => {
    await boris.page.goto(threadUrl);
    await post(boris.page, 1)
      .getByRole("link", { name: t("forum.quote") })
      .click();
    const reply = boris.page.getByRole("textbox", { name: t("forum.composer.replyBody") });
    await expect(reply).toHaveValue(new RegExp(`^> \\*\\*${anna.person.name}:\\*\\*`));
    await reply.press("End");
    await reply.fill(`${await reply.inputValue()}Ja, @${anna.person.name}, die kenne ich gut.`);
    await boris.page.getByRole("button", { name: t("forum.composer.sendReply") }).click();
    await expect(post(boris.page, 2).locator("blockquote")).toContainText(word);
    await expect(post(boris.page, 2).getByRole("link", { name: `@${anna.person.name}` })).toHaveAttribute(
      "href",
      /\/members\//,
    );

    await anna.page.goto("/notifications");
    await expect(
      anna.page.getByRole("link", { name: new RegExp(`hat Sie in „${title}“ erwähnt`) }),
    ).toBeVisible();
    await expectNoA11yViolations(anna.page);
  });

  await test.step("Boris reacts to Anna's post; pressing again takes it back", async () => {
    await boris.page.goto(threadUrl);
    const reactions = post(boris.page, 1).getByRole("group", { name: t("forum.reactions") });
    // Only given reactions are shown; "React" offers all of them for this one post.
    await expect(reactions).toHaveCount(0);
    await post(boris.page, 1)
      .getByRole("link", { name: t("forum.react") })
      .click();
    await expectNoA11yViolations(boris.page);
    await reactions
      .getByRole("button", { name: t("forum.reactionLabel", { emoji: "👍", count: 0 }) })
      .click();
    const given = reactions.getByRole("button", {
      name: t("forum.reactionLabel", { emoji: "👍", count: 1 }),
    });
    await expect(given).toHaveAttribute("aria-pressed", "true");
    await expect(reactions.getByRole("button")).toHaveCount(1);
    await given.click();
    await expect(reactions).toHaveCount(0);
    await expect(post(boris.page, 1).getByRole("link", { name: t("forum.react") })).toBeVisible();
  });

  await test.step("Anna edits her post; everyone can see the earlier version", async () => {
    await anna.page.goto(threadUrl);
    await post(anna.page, 1)
      .getByRole("link", { name: t("forum.edit") })
      .click();
    const body = anna.page.getByRole("textbox", { name: t("forum.composer.body") });
    await body.fill(`Wer kennt die **${word}** in Zeitz? (ergänzt)`);
    await anna.page.getByRole("button", { name: t("forum.composer.saveEdit") }).click();
    await expect(post(anna.page, 1)).toContainText("(ergänzt)");
    await post(anna.page, 1)
      .getByRole("link", { name: t("forum.edited", { count: 1 }) })
      .click();
    await expect(anna.page.getByRole("heading", { level: 1, name: t("forum.historyTitle") })).toBeVisible();
    await expect(anna.page.getByText(`Wer kennt die **${word}**?`)).toBeVisible();
    await expectNoA11yViolations(anna.page);
  });

  await test.step("Anna reports Boris' reply; the coordinator hides it and Anna is told", async () => {
    await anna.page.goto(threadUrl);
    await post(anna.page, 2)
      .getByRole("link", { name: t("forum.report") })
      .click();
    await anna.page
      .getByRole("textbox", { name: t("forum.reportReason") })
      .fill("Bitte prüfen: enthält private Daten.");
    await expectNoA11yViolations(anna.page);
    await anna.page.getByRole("button", { name: t("forum.sendReport") }).click();
    await expect(anna.page.getByText(t("forum.reportThanks"))).toBeVisible();

    await coordinator.goto("/admin/moderation");
    const item = coordinator
      .getByRole("listitem")
      .filter({ hasText: "Bitte prüfen: enthält private Daten." })
      .filter({ has: coordinator.getByRole("button", { name: t("moderation.decision.hide") }) });
    await expect(item).toBeVisible();
    await expectNoA11yViolations(coordinator);
    await item.getByRole("button", { name: t("moderation.decision.hide") }).click();
    await expect(coordinator.getByText(t("moderation.done.hide"))).toBeVisible();

    await anna.page.goto(threadUrl);
    await expect(post(anna.page, 2)).toContainText(t("forum.hiddenNote"));
    await expect(post(anna.page, 2)).not.toContainText("die kenne ich gut");
    await anna.page.goto("/notifications");
    await expect(
      anna.page.getByRole("link", { name: new RegExp(`Hinweis der Moderation zu „${title}“`) }),
    ).toBeVisible();
  });

  await test.step("search finds the thread by a word form and highlights it", async () => {
    await anna.page.goto("/search");
    await anna.page.getByRole("searchbox", { name: t("search.query") }).fill(word);
    await anna.page.getByRole("button", { name: t("search.submit") }).click();
    const result = anna.page
      .getByRole("listitem")
      .filter({ has: anna.page.getByRole("link", { name: title }) });
    await expect(result.locator("mark").first()).toHaveText(new RegExp(word, "i"));
    await expectNoA11yViolations(anna.page);
  });
});

test("visitors and members outside a working group are refused restricted content", async ({
  coordinator,
  newPage,
}) => {
  await coordinator.goto("/forum/c/ak-sprache-intern");
  await coordinator.getByRole("link", { name: "Kursplanung Sommerhalbjahr" }).click();
  await expect(
    coordinator.getByRole("heading", { level: 1, name: "Kursplanung Sommerhalbjahr" }),
  ).toBeVisible();
  const restrictedUrl = coordinator.url();

  const visitor = await newPage();
  await visitor.goto("/forum");
  await expect(visitor.getByRole("link", { name: "Willkommen & Allgemeines" })).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Wohnen" })).toHaveCount(0);
  await expect(visitor.getByRole("link", { name: "AK Sprache & Bildung (intern)" })).toHaveCount(0);
  await expectNoA11yViolations(visitor);
  const refused = await visitor.goto(restrictedUrl);
  expect(refused?.status()).toBe(404);
  expect((await visitor.goto("/forum/c/wohnen"))?.status()).toBe(404);

  const outsider = await invitedMember(coordinator, newPage, "Olga");
  await outsider.page.goto("/forum");
  await expect(outsider.page.getByRole("link", { name: "Wohnen" })).toBeVisible();
  await expect(outsider.page.getByRole("link", { name: "AK Sprache & Bildung (intern)" })).toHaveCount(0);
  expect((await outsider.page.goto(restrictedUrl))?.status()).toBe(404);
  await outsider.page.goto("/search?q=Kursplanung");
  await expect(outsider.page.getByText(t("search.noResults"))).toBeVisible();
  await outsider.page.goto("/forum/latest");
  await expect(outsider.page.getByRole("link", { name: "Kursplanung Sommerhalbjahr" })).toHaveCount(0);
});

test("reading, previewing, replying and reacting work without JavaScript; a visitor's cached copy gives way to the reply", async ({
  coordinator,
  newPage,
  browser,
}) => {
  const member = await invitedMember(coordinator, newPage, "Nora");
  const state = await member.page.context().storageState();
  const page = await noScriptPage(browser, state);
  await page.goto("/forum/c/willkommen");
  await page.getByRole("link", { name: "Willkommen im Forum des Integrationsnetzwerks!" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Willkommen im Forum des Integrationsnetzwerks!" }),
  ).toBeVisible();
  const text = `Hallo ohne JavaScript ${uniqueSuffix()}`;
  // A visitor reads the public thread (from the page cache) before the reply.
  const visitor = await newPage();
  await visitor.goto(page.url());
  await expect(visitor.getByText(t("forum.loginToReply"))).toBeVisible();
  await expect(visitor.getByText(text)).toHaveCount(0);

  await page.getByRole("textbox", { name: t("forum.composer.replyBody") }).fill(`*${text}*`);
  await page.getByRole("button", { name: t("forum.composer.preview") }).click();
  await expect(
    page.getByRole("region", { name: t("forum.composer.previewHeading") }).locator("em"),
  ).toHaveText(text);
  await expect(page.getByRole("textbox", { name: t("forum.composer.replyBody") })).toHaveValue(`*${text}*`);
  await page.getByRole("button", { name: t("forum.composer.sendReply") }).click();
  const reply = page.locator("article").filter({ hasText: text });
  await expect(reply.locator("em")).toHaveText(text);
  await reply.getByRole("link", { name: t("forum.react") }).click();
  await reply.getByRole("button", { name: t("forum.reactionLabel", { emoji: "🙏", count: 0 }) }).click();
  await expect(
    page
      .locator("article")
      .filter({ hasText: text })
      .getByRole("button", { name: t("forum.reactionLabel", { emoji: "🙏", count: 1 }) }),
  ).toHaveAttribute("aria-pressed", "true");

  // Every change reaches visitors within a second, even those the cache served before.
  await expect(async () => {
    await visitor.reload();
    await expect(visitor.getByText(text)).toBeVisible({ timeout: 100 });
  }).toPass({ intervals: [250], timeout: 3_000 });
  await expectNoA11yViolations(visitor);

  // Nora deletes her reply: its place in the thread stays, its text goes, for her and for visitors.
  const number = Number((await reply.getAttribute("id"))?.replace("post-", ""));
  await reply.getByRole("button", { name: t("forum.delete") }).click();
  await expect(post(page, number)).toContainText(t("forum.deletedNote"));
  await expect(page.getByText(text)).toHaveCount(0);
  await page.context().close();
  await expect(async () => {
    await visitor.reload();
    await expect(visitor.getByText(text)).toHaveCount(0, { timeout: 100 });
  }).toPass({ intervals: [250], timeout: 3_000 });
});

async function noScriptPage(
  browser: Browser,
  storageState: Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>,
) {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: "de-DE",
    javaScriptEnabled: false,
    storageState,
  });
  return context.newPage();
}

test("a post with 60 XSS payloads renders inert in the browser", async ({ coordinator, newPage }) => {
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
  const member = await invitedMember(coordinator, newPage, "Xaver");
  const { page } = member;
  const visitor = await newPage();
  const dialogs = recordDialogs(page, visitor);
  const title = `Sicherheitstest ${uniqueSuffix()}`;
  await fillNewThread(page, { category: "Willkommen & Allgemeines", title, body: XSS_PAYLOADS.join("\n\n") });
  await page.getByRole("button", { name: t("forum.composer.preview") }).click();
  await expect(page.getByRole("region", { name: t("forum.composer.previewHeading") })).toBeVisible();
  await page.getByRole("button", { name: t("forum.composer.createThread") }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const url = page.url();
  for (const viewer of [page, visitor]) {
    await viewer.goto(url);
    const body = viewer.locator("#post-1 .forum-body");
    await expect(body).toContainText("klick");
    await expectInert(body);
  }
  expect(dialogs).toEqual([]);
});
