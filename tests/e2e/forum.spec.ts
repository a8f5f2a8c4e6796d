import type { Browser, Page } from "@playwright/test";
import sharp from "sharp";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { expectNoA11yViolations } from "./support/a11y";
import { invitedMember, test } from "./support/admin-fixtures";
import {
  COORDINATOR_STATE,
  escapeRegExp,
  expect,
  tr,
  uniqueLetters,
  uniqueSuffix,
  waitForHydration,
} from "./support/fixtures";
import { createGroupCategory } from "./support/forum-groups";
import { waitForMail } from "./support/mailbox";
import { CACHE_RENEWAL } from "./support/page-cache";
import { expectInertFor, recordDialogs } from "./support/xss";

const t = tr("de");

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

test("members discuss: image, preview, quote, mention, notification, edit history, report and moderation, search, closing", async ({
  coordinator,
  newPage,
}) => {
  const anna = await invitedMember(coordinator, newPage, "Anna");
  const boris = await invitedMember(coordinator, newPage, "Boris");
  const word = `Wohnungsbaugenossenschaft${uniqueLetters()}`;
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
    // The image sent with the preview is kept: listed, ticked, and posted without choosing it again.
    const attached = anna.page.getByRole("group", { name: t("forum.composer.attached") });
    await expect(attached.getByRole("checkbox", { name: "plan.webp" })).toBeChecked();
    await expect(anna.page.getByText(t("errors.chooseFilesAgain", { count: 1 }))).toHaveCount(0);
    await anna.page.getByRole("button", { name: t("forum.composer.createThread") }).click();
    await expect(anna.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const image = post(anna.page, 1).getByRole("img", { name: t("forum.imageAlt", { name: "plan" }) });
    await expect(image).toBeVisible();
    // The image has loaded (a lazy image may still be on its way once it is visible) and is the upload.
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(400);
    await expectNoA11yViolations(anna.page);
  });
  const threadUrl = anna.page.url();

  await test.step("Boris mentions Anna and quotes her below his text; Anna is notified", async () => {
    await boris.page.goto(threadUrl);
    const reply = boris.page.getByRole("textbox", { name: t("forum.composer.replyBody") });
    await waitForHydration(reply);
    const own = `Ja, @${anna.name}, die kenne ich gut.`;
    await reply.fill(own);
    await post(boris.page, 1)
      .getByRole("link", { name: t("forum.quote") })
      .click();
    // "Zitieren" loads the page anew: the text typed before stays, the quote comes below it.
    await expect(reply).toHaveValue(
      new RegExp(`^${escapeRegExp(own)}\\n\\n> \\*\\*\\[${anna.name}\\]\\(/members/[^)]+\\):\\*\\*`),
    );
    await boris.page.getByRole("button", { name: t("forum.composer.sendReply") }).click();
    await expect(post(boris.page, 2).locator("blockquote")).toContainText(word);
    await expect(post(boris.page, 2).getByRole("link", { name: `@${anna.name}` })).toHaveAttribute(
      "href",
      /\/members\//,
    );

    await anna.page.goto("/notifications");
    await expect(
      anna.page.getByRole("link", { name: new RegExp(`hat Sie in „${title}“ erwähnt`) }),
    ).toBeVisible();
    await expectNoA11yViolations(anna.page);
  });

  await test.step("Boris reacts to Anna's post; pressing again takes it back; his unsent reply stays", async () => {
    await boris.page.goto(threadUrl);
    // The reply sent above took its draft with it; a new one survives the page loads of reacting.
    const reply = boris.page.getByRole("textbox", { name: t("forum.composer.replyBody") });
    await expect(reply).toHaveValue("");
    await waitForHydration(reply);
    await reply.fill("Noch eine Frage zur Kaution:");
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
    await expect(reply).toHaveValue("Noch eine Frage zur Kaution:");
  });

  await test.step("Anna edits her post; members can see the earlier version", async () => {
    await anna.page.goto(threadUrl);
    await post(anna.page, 1)
      .getByRole("link", { name: t("forum.edit") })
      .click();
    const body = anna.page.getByRole("textbox", { name: t("forum.composer.body") });
    // Filled while React takes the page over, the old text could end up behind the new one.
    await waitForHydration(body);
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
      .fill("Bitte prüfen:\nenthält private Daten."); // two lines, as typed
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
    // Only the queue's own outcomes are announced: a link with a made-up one shows none.
    await coordinator.goto("/admin/moderation?done=allesErledigt");
    await expect(coordinator.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(coordinator.getByRole("status")).toHaveCount(0);

    await anna.page.goto(threadUrl);
    await expect(post(anna.page, 2)).toContainText(t("forum.hiddenNote"));
    await expect(post(anna.page, 2)).not.toContainText("die kenne ich gut");
    await anna.page.goto("/notifications");
    // The reporter learns the outcome; the hidden post is nothing to link to.
    const outcome = t("notifications.kinds.moderation", { decision: "hide", title });
    await expect(anna.page.getByText(outcome, { exact: true })).toBeVisible();
    await expect(anna.page.getByRole("link", { name: outcome })).toHaveCount(0);
    // On a phone the line keeps its width and "mark read" moves below it, instead of squeezing the
    // text to a word per line beside the button.
    const viewport = anna.page.viewportSize();
    await anna.page.setViewportSize({ width: 390, height: 844 });
    const line = await anna.page.getByText(outcome, { exact: true }).boundingBox();
    expect(line?.width).toBeGreaterThan(250);
    if (viewport) await anna.page.setViewportSize(viewport);
  });

  await test.step("Boris learns that his reply was hidden, in the notification centre and by mail", async () => {
    const hidden = t("notifications.kinds.moderation", { decision: "postHidden", title });
    await boris.page.goto("/notifications");
    await expect(boris.page.getByText(hidden, { exact: true })).toBeVisible();
    await expect(boris.page.getByRole("link", { name: hidden })).toHaveCount(0);
    const mail = await waitForMail(boris.email, { subject: hidden });
    expect(mail.text).toContain(hidden);
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

  await test.step("the coordinator takes the hiding back; the reply is there again for Anna", async () => {
    await anna.page.goto(threadUrl);
    await expect(post(anna.page, 2)).toContainText(t("forum.hiddenNote"));
    await expect(post(anna.page, 2).getByRole("button", { name: t("forum.restore") })).toHaveCount(0);
    await coordinator.goto(threadUrl);
    await expect(post(coordinator, 2)).toContainText(t("forum.hiddenNote"));
    await post(coordinator, 2)
      .getByRole("button", { name: t("forum.restore") })
      .click();
    await expect(post(coordinator, 2)).not.toContainText(t("forum.hiddenNote"));
    await expectNoA11yViolations(coordinator);
    await anna.page.reload();
    await expect(post(anna.page, 2)).toContainText("die kenne ich gut");
    // Boris is told it is back, with a link to it.
    await boris.page.goto("/notifications");
    const back = t("notifications.kinds.moderation", { decision: "postRestored", title });
    await boris.page.getByRole("link", { name: back }).click();
    await expect(post(boris.page, 2)).toContainText("die kenne ich gut");
  });

  await test.step("the coordinator closes the thread: Boris may still react but not reply, until it is opened again", async () => {
    const moderation = coordinator.getByRole("region", { name: t("forum.moderation.heading") });
    const replyBox = boris.page.getByRole("textbox", { name: t("forum.composer.replyBody") });
    await moderation.getByRole("button", { name: t("forum.moderation.close") }).click();
    await expect(moderation.getByRole("button", { name: t("forum.moderation.open") })).toBeVisible();
    await boris.page.goto(threadUrl);
    await expect(boris.page.getByText(t("forum.closed"), { exact: true })).toBeVisible();
    await expect(boris.page.getByText(t("forum.closedNote"))).toBeVisible();
    await expect(replyBox).toHaveCount(0);
    await expect(post(boris.page, 1).getByRole("link", { name: t("forum.react") })).toBeVisible();

    await moderation.getByRole("button", { name: t("forum.moderation.open") }).click();
    await expect(moderation.getByRole("button", { name: t("forum.moderation.close") })).toBeVisible();
    await boris.page.reload();
    await replyBox.fill("Danke, dann bis Dienstag.");
    await boris.page.getByRole("button", { name: t("forum.composer.sendReply") }).click();
    await expect(post(boris.page, 3)).toContainText("Danke, dann bis Dienstag.");
  });
});

test("a visitor sees a members-only name as a network member, unlinked, also where a post quotes or mentions her; a member sees the name", async ({
  coordinator,
  newPage,
}) => {
  // Seeded: Katrin Vogel shows her name to everyone, Amal Yousef (post 2) only to members.
  // The coordinator quotes Amal's post and mentions her: members see her name, linked, in both.
  await coordinator.goto("/forum/c/willkommen");
  await coordinator.getByRole("link", { name: "Willkommen im Forum des Integrationsnetzwerks!" }).click();
  await post(coordinator, 2)
    .getByRole("link", { name: t("forum.quote") })
    .click();
  const reply = coordinator.getByRole("textbox", { name: t("forum.composer.replyBody") });
  await waitForHydration(reply);
  await expect(reply).toHaveValue(/^> \*\*\[Amal Yousef\]\(\/members\/[^)]+\):\*\*\n/);
  const thanks = `Danke, @Amal Yousef! ${uniqueLetters()}`;
  await reply.fill(`${await reply.inputValue()}${thanks}`);
  await coordinator.getByRole("button", { name: t("forum.composer.sendReply") }).click();
  const answer = (page: Page) => page.locator("article").filter({ hasText: thanks.slice(-6) });
  await expect(answer(coordinator).getByRole("link", { name: "@Amal Yousef" })).toBeVisible();
  await expect(
    answer(coordinator).locator("blockquote").getByRole("link", { name: "Amal Yousef" }),
  ).toBeVisible();

  const visitor = await newPage();
  await visitor.goto(coordinator.url());
  // (a copy of the page the cache made before the reply gives way within a second)
  await expect(async () => {
    await visitor.reload();
    await expect(answer(visitor)).toBeVisible({ timeout: 100 });
  }).toPass(CACHE_RENEWAL);
  await expect(post(visitor, 1).getByRole("heading", { level: 3 })).toHaveText("Katrin Vogel");
  const hidden = post(visitor, 2).getByRole("heading", { level: 3 });
  await expect(hidden).toHaveText(t("forum.withheldName"));
  await expect(hidden.getByRole("link")).toHaveCount(0);
  await expect(answer(visitor)).toContainText(`@${t("forum.withheldName")}!`);
  await expect(answer(visitor).locator("blockquote")).toContainText(`${t("forum.withheldName")}:`);
  await expect(answer(visitor).locator(".forum-body").getByRole("link")).toHaveCount(0);
  await expect(visitor.getByText("Amal Yousef")).toHaveCount(0);
  await expectNoA11yViolations(visitor);

  await coordinator.goto(visitor.url());
  await expect(post(coordinator, 2).getByRole("heading", { level: 3 }).getByRole("link")).toHaveText(
    "Amal Yousef",
  );
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
  // a visitor is asked to sign in (and brought back), whether or not the thread exists
  await visitor.goto(restrictedUrl);
  await expect(visitor).toHaveURL(`/login?${new URLSearchParams({ next: new URL(restrictedUrl).pathname })}`);
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

test("a working group gets its own category; a watcher is notified and marks it read; pin, lock, move and removal from the group", async ({
  coordinator,
  newPage,
}) => {
  const anna = await invitedMember(coordinator, newPage, "Anna");
  const boris = await invitedMember(coordinator, newPage, "Boris");
  const group = `AK Wohnungssuche ${uniqueLetters()}`;
  const category = `Intern ${uniqueLetters()}`;
  const title = `Besichtigungen ${uniqueSuffix()}`;

  await test.step("the coordinator creates the working group, adds both and gives it a category", async () => {
    await createGroupCategory(coordinator, { group, category, members: [anna, boris] });
  });

  await test.step("Anna opens a thread there; Boris watches it", async () => {
    await anna.page.goto("/forum");
    await expect(anna.page.getByRole("link", { name: category })).toBeVisible();
    await fillNewThread(anna.page, { category, title, body: "Wer kommt am Dienstag mit?" });
    await anna.page.getByRole("button", { name: t("forum.composer.createThread") }).click();
    await expect(anna.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await boris.page.goto(anna.page.url());
    await boris.page.getByRole("button", { name: t("forum.watchAction.watch") }).click();
    await expect(boris.page.getByText(t("forum.watchState.watch"))).toBeVisible();
  });
  const threadUrl = anna.page.url();

  const second = `Termine ${uniqueSuffix()}`;
  await test.step("Anna replies, and mentions Boris in a second thread: two notifications", async () => {
    await anna.page.getByRole("textbox", { name: t("forum.composer.replyBody") }).fill("Ich komme um zehn.");
    await anna.page.getByRole("button", { name: t("forum.composer.sendReply") }).click();
    await expect(post(anna.page, 2)).toContainText("Ich komme um zehn.");
    await fillNewThread(anna.page, { category, title: second, body: `@${boris.name}, kannst du?` });
    await anna.page.getByRole("button", { name: t("forum.composer.createThread") }).click();
    await expect(anna.page.getByRole("heading", { level: 1, name: second })).toBeVisible();
  });
  const secondUrl = anna.page.url();
  const reply = t("notifications.kinds.reply", { subject: "other", count: 1, actor: anna.name, title });
  const mention = t("notifications.kinds.mention", { actor: anna.name, title: second });

  await test.step("opening the second thread marks Boris's mention read; he marks the rest read", async () => {
    const markRead = (text: string) =>
      boris.page.getByRole("button", { name: t("notifications.markReadNamed", { text }) });
    await boris.page.goto("/notifications");
    await expect(boris.page.getByRole("link", { name: reply })).toHaveAttribute("href", /#post-2$/);
    await expect(boris.page.getByRole("link", { name: mention })).toBeVisible();
    await expectNoA11yViolations(boris.page);
    await expect(markRead(mention)).toBeVisible();
    await boris.page.goto(secondUrl);
    await boris.page.goto("/notifications");
    await expect(boris.page.getByRole("link", { name: mention })).toBeVisible();
    await expect(markRead(mention)).toHaveCount(0);
    await expect(markRead(reply)).toBeVisible();
    await boris.page.getByRole("button", { name: t("notifications.markAllRead") }).click();
    await expect(boris.page.getByText(t("notifications.allMarkedRead"))).toBeVisible();
    await expect(markRead(reply)).toHaveCount(0);
    await expect(boris.page.getByText(t("notifications.unread"), { exact: true })).toHaveCount(0);
  });

  await test.step("the coordinator pins and locks the thread: Anna can no longer reply", async () => {
    await coordinator.goto(threadUrl);
    const moderation = coordinator.getByRole("region", { name: t("forum.moderation.heading") });
    await moderation.getByRole("button", { name: t("forum.moderation.pin") }).click();
    await expect(moderation.getByRole("button", { name: t("forum.moderation.unpin") })).toBeVisible();
    await moderation.getByRole("button", { name: t("forum.moderation.lock") }).click();
    await expect(moderation.getByRole("button", { name: t("forum.moderation.unlock") })).toBeVisible();
    await expectNoA11yViolations(coordinator);
    await anna.page.goto(threadUrl);
    await expect(anna.page.getByText(t("forum.pinned"), { exact: true })).toBeVisible();
    await expect(anna.page.getByText(t("forum.locked"), { exact: true })).toBeVisible();
    await expect(anna.page.getByText(t("forum.closedNote"))).toBeVisible();
    await expect(anna.page.getByRole("textbox", { name: t("forum.composer.replyBody") })).toHaveCount(0);
  });

  await test.step("Boris leaves the group's view when removed; a move to a members' category brings the thread back", async () => {
    await coordinator.goto("/admin/forum");
    await coordinator
      .getByRole("listitem")
      .filter({ hasText: `${boris.name} (${boris.email})` })
      .getByRole("button", { name: t("forumAdmin.remove") })
      .click();
    await expect(coordinator.getByText(`${boris.name} (${boris.email})`)).toHaveCount(0);
    expect((await boris.page.goto(secondUrl))?.status()).toBe(404);
    await boris.page.goto("/forum");
    await expect(boris.page.getByRole("link", { name: category })).toHaveCount(0);
    expect((await boris.page.goto(threadUrl))?.status()).toBe(404);
    // Nor do his notifications name the group's threads any more.
    await boris.page.goto("/notifications");
    await expect(boris.page.getByRole("link", { name: reply })).toHaveCount(0);
    await expect(boris.page.getByRole("link", { name: mention })).toHaveCount(0);

    await coordinator.goto(threadUrl);
    await coordinator.getByLabel(t("forum.moderation.moveTo")).selectOption({ label: "Wohnen" });
    await coordinator.getByRole("button", { name: t("forum.moderation.move"), exact: true }).click();
    await expect(coordinator.getByRole("link", { name: "Wohnen", exact: true })).toBeVisible();
    await boris.page.goto(threadUrl);
    await expect(boris.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await boris.page.goto("/notifications");
    await expect(boris.page.getByRole("link", { name: reply })).toBeVisible();
    await expect(boris.page.getByRole("link", { name: mention })).toHaveCount(0);
    // The audit log names the category the thread went to, not its id.
    await coordinator.goto(`/admin/audit?target=${encodeURIComponent(title)}`);
    const moved = coordinator
      .getByRole("table", { name: t("admin.audit.title") })
      .getByRole("row")
      .filter({ hasText: t("admin.audit.actions.forum.thread.update") })
      .filter({ hasText: `${t("admin.audit.fields.categoryId")}: Wohnen` });
    await expect(moved).toHaveCount(1);
  });
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
  }).toPass(CACHE_RENEWAL);
  await expectNoA11yViolations(visitor);

  // Nora deletes her reply after a confirmation step: its place in the thread stays, its text goes,
  // for her and for visitors.
  const number = Number((await reply.getAttribute("id"))?.replace("post-", ""));
  await reply.getByRole("link", { name: t("forum.delete") }).click();
  const confirm = page.getByRole("region", { name: t("forum.deleteConfirm.heading", { number }) });
  await expect(confirm).toContainText(t("forum.deleteConfirm.reply"));
  await expect(post(page, number)).toContainText(text);
  // axe needs scripts: the same step, checked in her browser with JavaScript.
  await member.page.goto(page.url());
  await expectNoA11yViolations(member.page);
  await confirm.getByRole("button", { name: t("forum.deleteConfirm.confirm") }).click();
  await expect(post(page, number)).toContainText(t("forum.deletedNote"));
  await expect(page.getByText(text)).toHaveCount(0);
  await page.context().close();
  await expect(async () => {
    await visitor.reload();
    await expect(visitor.getByText(text)).toHaveCount(0, { timeout: 100 });
  }).toPass(CACHE_RENEWAL);
});

test("a reply sent again without JavaScript (back to the form, send once more) is posted once and lands on the first; the next reply is new", async ({
  coordinator,
  newPage,
  browser,
}) => {
  const member = await invitedMember(coordinator, newPage, "Olga");
  const page = await noScriptPage(browser, await member.page.context().storageState());
  const title = `Einmal gesagt ${uniqueSuffix()}`;
  await fillNewThread(page, {
    category: "Willkommen & Allgemeines",
    title,
    body: "Wann ist das Sprachcafé?",
  });
  await page.getByRole("button", { name: t("forum.composer.createThread") }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const body = page.getByRole("textbox", { name: t("forum.composer.replyBody") });
  const send = page.getByRole("button", { name: t("forum.composer.sendReply") });
  const text = `Donnerstags um 16 Uhr ${uniqueSuffix()}`;
  const replies = page.locator("article").filter({ hasText: text });
  await body.fill(text);
  await send.click();
  await expect(replies).toHaveCount(1);
  const landed = page.url();
  expect(landed).toMatch(/#post-2$/);
  // Back to the form, which the browser loads anew (the page is not cached), and "send" once more.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await body.fill(text);
  await send.click();
  await expect(page).toHaveURL(landed);
  await expect(replies).toHaveCount(1);
  await expect(post(page, 3)).toHaveCount(0);

  // The page the reply led to carries a new key: the next reply is posted.
  const next = `Und wo? ${uniqueSuffix()}`;
  await body.fill(next);
  await send.click();
  await expect(post(page, 3)).toContainText(next);
  await expect(replies).toHaveCount(1);
  await page.context().close();
});

/** A PDF of about this many megabytes: the header the server checks for, then filler. */
const pdfOf = (megabytes: number, name: string) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(Math.round(megabytes * 1024 * 1024), 0x20)]),
});

test("a reply takes the attachments the form allows, also without JavaScript and kept from a preview; a file over the limit is refused beside the field at once, keeping the text", async ({
  coordinator,
  newPage,
  browser,
}) => {
  const member = await invitedMember(coordinator, newPage, "Pia");
  const welcome = "Willkommen im Forum des Integrationsnetzwerks!";
  await member.page.goto("/forum/c/willkommen");
  await member.page.getByRole("link", { name: welcome }).click();
  const threadUrl = member.page.url();
  const text = `Unser Flyer ${uniqueSuffix()}`;
  const body = member.page.getByRole("textbox", { name: t("forum.composer.replyBody") });
  await body.fill(text);
  const files = member.page.getByLabel(t("forum.composer.attachments"));
  await files.setInputFiles([pdfOf(1, "klein.pdf"), pdfOf(5.5, "zu-gross.pdf")]);
  await expect(files).toHaveAttribute("aria-invalid", "true");
  await expect(files).toHaveAccessibleDescription(
    new RegExp(escapeRegExp(t("forum.errors.attachmentTooLarge"))),
  );
  expect(await files.evaluate((input: HTMLInputElement) => input.files?.length)).toBe(0);
  await expect(body).toHaveValue(text);
  await expectNoA11yViolations(member.page);

  // Four files of nearly 5 MB each, 19 MB in all, as the hint promises, sent by a browser without scripts.
  const page = await noScriptPage(browser, await member.page.context().storageState());
  await page.goto(threadUrl);
  await page.getByRole("textbox", { name: t("forum.composer.replyBody") }).fill(text);
  const names = ["flyer-de.pdf", "flyer-ar.pdf", "flyer-uk.pdf", "flyer-en.pdf"];
  await page.getByLabel(t("forum.composer.attachments")).setInputFiles(names.map((name) => pdfOf(4.8, name)));
  // Vorschau first: the page comes back with the files kept, ticked, and sending posts them.
  await page.getByRole("button", { name: t("forum.composer.preview") }).click();
  const attached = page.getByRole("group", { name: t("forum.composer.attached") });
  for (const name of names) await expect(attached.getByRole("checkbox", { name })).toBeChecked();
  await page.getByRole("button", { name: t("forum.composer.sendReply") }).click();
  const reply = page.locator("article").filter({ hasText: text });
  for (const name of names)
    await expect(reply.getByRole("link", { name: t("forum.pdfLink", { name }) })).toBeVisible();
  const download = await page.request.get(
    (await reply.getByRole("link", { name: t("forum.pdfLink", { name: names[0]! }) }).getAttribute("href"))!,
  );
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect((await download.body()).length).toBe(pdfOf(4.8, "x").buffer.length);
  await page.context().close();
});

test("a reply with a text file named .pdf and an image: the refusal names the file, the image stays attached and goes with the reply", async ({
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Iryna");
  const page = member.page;
  await page.goto("/forum/c/willkommen");
  await page.getByRole("link", { name: "Willkommen im Forum des Integrationsnetzwerks!" }).click();
  const text = `Mein Lebenslauf ${uniqueSuffix()}`;
  const body = page.getByRole("textbox", { name: t("forum.composer.replyBody") });
  await body.fill(text);
  // The thread's earlier posts may carry an "Anhänge" list too.
  const files = page.locator("input[type=file]").and(page.getByLabel(t("forum.composer.attachments")));
  await files.setInputFiles([
    { name: "fake.pdf", mimeType: "application/pdf", buffer: Buffer.from("nur Text, kein PDF") },
    { name: "img.png", mimeType: "image/png", buffer: await pngImage() },
  ]);
  await page.getByRole("button", { name: t("forum.composer.sendReply") }).click();
  await expect(files).toHaveAccessibleDescription(
    new RegExp(escapeRegExp(t("forum.errors.attachmentNotAccepted", { names: "fake.pdf", count: 1 }))),
  );
  await expect(body).toHaveValue(text);
  const attached = page.getByRole("group", { name: t("forum.composer.attached") });
  await expect(attached.getByRole("checkbox", { name: "img.webp" })).toBeChecked();
  await expect(attached.getByRole("checkbox")).toHaveCount(1);
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: t("forum.composer.sendReply") }).click();
  const reply = page.locator("article").filter({ hasText: text });
  await expect(reply.getByRole("img")).toHaveCount(1);
});

test("a coordinator dismisses one report and deletes the post of another; the reporter is told", async ({
  coordinator,
  newPage,
}) => {
  const carla = await invitedMember(coordinator, newPage, "Carla");
  const title = `Sprachkurse im Herbst ${uniqueSuffix()}`;
  await fillNewThread(coordinator, {
    category: "Wohnen",
    title,
    body: "Welche Kurse beginnen im September?",
  });
  await coordinator.getByRole("button", { name: t("forum.composer.createThread") }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await coordinator
    .getByRole("textbox", { name: t("forum.composer.replyBody") })
    .fill("Ruf mich an: 0170 1234567");
  await coordinator.getByRole("button", { name: t("forum.composer.sendReply") }).click();
  await expect(post(coordinator, 2)).toContainText("0170 1234567");
  const threadUrl = coordinator.url().split("#")[0]!;

  const reasons = ["Nur ein Test, bitte verwerfen.", "Enthält eine private Telefonnummer."];
  for (const [index, reason] of reasons.entries()) {
    await carla.page.goto(threadUrl);
    await post(carla.page, index + 1)
      .getByRole("link", { name: t("forum.report") })
      .click();
    await carla.page.getByRole("textbox", { name: t("forum.reportReason") }).fill(reason);
    await carla.page.getByRole("button", { name: t("forum.sendReport") }).click();
    await expect(carla.page.getByText(t("forum.reportThanks"))).toBeVisible();
  }

  await coordinator.goto("/admin/moderation");
  const report = (reason: string) =>
    coordinator
      .getByRole("listitem")
      .filter({ hasText: reason })
      .filter({
        has: coordinator.getByRole("button", { name: t("moderation.decision.dismiss") }),
      });
  await report(reasons[0]!)
    .getByRole("button", { name: t("moderation.decision.dismiss") })
    .click();
  await expect(coordinator.getByText(t("moderation.done.dismiss"))).toBeVisible();
  await report(reasons[1]!)
    .getByRole("button", { name: t("moderation.decision.delete") })
    .click();
  // Deleting asks first, on a step of its own.
  const confirm = coordinator.getByRole("region", { name: t("moderation.confirmDelete.reportHeading") });
  // The confirmation step is a new page: check it once it is there, not the queue while it is left.
  await expect(confirm).toBeVisible();
  await expectNoA11yViolations(coordinator);
  await confirm.getByRole("button", { name: t("moderation.confirmDelete.confirm") }).click();
  await expect(coordinator.getByText(t("moderation.done.delete"))).toBeVisible();
  await expect(report(reasons[0]!)).toHaveCount(0);
  await expect(report(reasons[1]!)).toHaveCount(0);

  await carla.page.goto(threadUrl);
  await expect(post(carla.page, 1)).toContainText("Welche Kurse beginnen im September?");
  await expect(post(carla.page, 2)).toContainText(t("forum.deletedNote"));
  await expect(post(carla.page, 2)).not.toContainText("0170 1234567");
  await carla.page.goto("/notifications");
  await expect(
    carla.page
      .getByText(t("notifications.kinds.moderation", { decision: "delete", title }), { exact: true })
      .first(),
  ).toBeVisible();
});

test("a reported opening post: report page and queue show it as in the thread, the queue offers what fits its state and says the whole thread goes; restoring is confirmed; an Arabic paragraph reads right to left", async ({
  coordinator,
  newPage,
  browser,
}) => {
  const carla = await invitedMember(coordinator, newPage, "Carla");
  const title = `Dolmetschen gesucht ${uniqueSuffix()}`;
  const arabic = "مرحبا بالجميع، نحتاج إلى مترجمين.";
  await fillNewThread(coordinator, {
    category: "Wohnen",
    title,
    body: `Wir suchen **ehrenamtliche Dolmetscherinnen** für Termine.\n\n${arabic}`,
  });
  await coordinator.getByRole("button", { name: t("forum.composer.createThread") }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await coordinator
    .getByRole("textbox", { name: t("forum.composer.replyBody") })
    .fill("Termine bitte per Mail.");
  await coordinator.getByRole("button", { name: t("forum.composer.sendReply") }).click();
  await expect(post(coordinator, 2)).toContainText("Termine bitte per Mail.");
  const threadUrl = coordinator.url().split("#")[0]!;

  // In a German (left-to-right) page the Arabic paragraph starts at the right, its full stop at its left end.
  const paragraph = post(coordinator, 1).locator("p").filter({ hasText: arabic });
  const layout = await paragraph.evaluate((p) => {
    const text = p.firstChild!;
    const range = (from: number, to: number) => {
      const r = document.createRange();
      r.setStart(text, from);
      r.setEnd(text, to);
      return r.getBoundingClientRect();
    };
    const box = p.getBoundingClientRect();
    const length = text.textContent!.length;
    return {
      gapRight: box.right - range(0, length).right,
      gapLeft: range(0, length).left - box.left,
      stopLeftOfFirstWord: range(length - 1, length).right <= range(0, 1).left,
    };
  });
  expect(layout.gapRight).toBeLessThan(2);
  expect(layout.gapLeft).toBeGreaterThan(50);
  expect(layout.stopLeftOfFirstWord).toBe(true);

  // Her own delete of the opening post, which only she answered, names the whole thread.
  await post(coordinator, 1)
    .getByRole("link", { name: t("forum.delete") })
    .click();
  const ownConfirm = coordinator.getByRole("region", {
    name: t("forum.deleteConfirm.threadHeading", { title }),
  });
  await expect(ownConfirm).toContainText(t("forum.deleteConfirm.wholeThread"));
  await ownConfirm.getByRole("link", { name: t("forum.deleteConfirm.keep") }).click();

  const reasons = [`Werbung ${uniqueSuffix()}`, `Doppelt ${uniqueSuffix()}`];
  for (const [index, reason] of reasons.entries()) {
    await carla.page.goto(threadUrl);
    await post(carla.page, index + 1)
      .getByRole("link", { name: t("forum.report") })
      .click();
    if (index === 0) {
      const shown = carla.page.getByRole("figure", {
        name: new RegExp(escapeRegExp(t("forum.reportedPost"))),
      });
      await expect(shown.locator("strong")).toHaveText("ehrenamtliche Dolmetscherinnen");
      await expect(shown).not.toContainText("**");
      await expectNoA11yViolations(carla.page);
    }
    await carla.page.getByRole("textbox", { name: t("forum.reportReason") }).fill(reason);
    await carla.page.getByRole("button", { name: t("forum.sendReport") }).click();
    await expect(carla.page.getByText(t("forum.reportThanks"))).toBeVisible();
  }

  await coordinator.goto("/admin/moderation");
  const report = (reason: string) => coordinator.getByRole("listitem").filter({ hasText: reason });
  const opening = report(reasons[0]!);
  await expect(opening.locator("strong")).toHaveText("ehrenamtliche Dolmetscherinnen");
  await expect(opening.getByRole("button")).toHaveText([
    t("moderation.decision.hideThread"),
    t("moderation.decision.deleteThread"),
    t("moderation.decision.dismiss"),
  ]);
  await expectNoA11yViolations(coordinator);
  await report(reasons[1]!)
    .getByRole("button", { name: t("moderation.decision.hide") })
    .click();
  await expect(coordinator.getByText(t("moderation.done.hide"))).toBeVisible();

  // Restoring the hidden reply in the thread, without JavaScript, says it is back.
  const noScript = await noScriptPage(browser, await coordinator.context().storageState());
  await noScript.goto(threadUrl);
  await post(noScript, 2)
    .getByRole("button", { name: t("forum.restore") })
    .click();
  await expect(noScript.getByText(t("forum.restoredNotice"))).toBeVisible();
  await expect(post(noScript, 2)).not.toContainText(t("forum.hiddenNote"));
  await noScript.context().close();

  await coordinator.goto("/admin/moderation");
  await opening.getByRole("button", { name: t("moderation.decision.deleteThread") }).click();
  const confirm = coordinator.getByRole("region", {
    name: t("moderation.confirmDelete.threadHeading", { title }),
  });
  await expect(confirm).toContainText(t("moderation.confirmDelete.threadExplanation"));
  await expectNoA11yViolations(coordinator);
  await confirm.getByRole("button", { name: t("moderation.confirmDelete.confirm") }).click();
  await expect(coordinator.getByText(t("moderation.done.deleteThread"))).toBeVisible();

  await carla.page.goto(threadUrl);
  await expect(carla.page.getByRole("heading", { level: 1, name: t("notFound.title") })).toBeVisible();
  await carla.page.goto("/notifications");
  await expect(
    carla.page
      .getByText(t("notifications.kinds.moderation", { decision: "deleteThread", title }), { exact: true })
      .first(),
  ).toBeVisible();
});

test("with first posts held, a new member's thread waits for the coordinator's approval", {
  tag: "@network-wide",
}, async ({ admin, coordinator, newPage }) => {
  const setHold = async (on: boolean) => {
    await admin.goto("/admin/settings");
    const general = admin.getByRole("region", { name: t("admin.settings.generalHeading") });
    await general.getByRole("checkbox", { name: t("admin.settings.holdFirstPosts") }).setChecked(on);
    await general.getByRole("button", { name: t("admin.settings.save") }).click();
    await expect(general.getByRole("status")).toHaveText(t("admin.settings.saved"));
  };
  await setHold(true);
  try {
    const hanna = await invitedMember(coordinator, newPage, "Hanna");
    const title = `Erste Frage ${uniqueSuffix()}`;
    await fillNewThread(hanna.page, { category: "Willkommen & Allgemeines", title, body: "Hallo zusammen!" });
    await hanna.page.getByRole("button", { name: t("forum.composer.createThread") }).click();
    await expect(hanna.page.getByText(t("forum.heldNotice"))).toBeVisible();
    const threadUrl = hanna.page.url().replace(/\?.*$/, "");
    const visitor = await newPage();
    await visitor.goto(threadUrl);
    await expect(visitor).toHaveURL(`/login?${new URLSearchParams({ next: new URL(threadUrl).pathname })}`);

    await coordinator.goto("/admin/moderation");
    const item = coordinator
      .getByRole("listitem")
      .filter({ has: coordinator.getByRole("link", { name: title }) });
    await expect(item).toContainText("Hallo zusammen!");
    await expectNoA11yViolations(coordinator);
    await item.getByRole("button", { name: t("moderation.approve") }).click();
    await expect(coordinator.getByText(t("moderation.done.approve"))).toBeVisible();
    await expect(coordinator.getByRole("link", { name: title })).toHaveCount(0);
    await expect(async () => {
      await visitor.goto(threadUrl);
      await expect(visitor.getByRole("heading", { level: 1, name: title })).toBeVisible({ timeout: 100 });
    }).toPass(CACHE_RENEWAL);
  } finally {
    await setHold(false);
  }
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

  await expectInertFor([page, visitor], page.url(), (viewer) => viewer.locator("#post-1 .forum-body"));
  expect(dialogs).toEqual([]);
});

test("category names follow the reader's language: the coordinator names a new category in Arabic too", async ({
  coordinator,
  newPage,
  baseURL,
}) => {
  const name = `Elterncafé ${uniqueLetters()}`;
  const arabicName = `مقهى الأهل ${uniqueLetters()}`;
  await coordinator.goto("/admin/forum");
  const creator = coordinator
    .locator("form")
    .filter({ has: coordinator.getByRole("button", { name: t("forumAdmin.createCategory") }) });
  await creator.getByLabel(t("forumAdmin.name"), { exact: true }).fill(name);
  await creator.getByLabel(t("forumAdmin.description"), { exact: true }).fill("Treffen für Eltern.");
  await creator
    .getByLabel(t("forumAdmin.visibility"))
    .selectOption({ label: t("forumAdmin.visibilityPublic") });
  const arabic = creator.getByLabel(t("forumAdmin.translatedName.ar"));
  await expect(arabic).toHaveAttribute("dir", "rtl");
  await arabic.fill(arabicName);
  await creator.getByLabel(t("forumAdmin.translatedDescription.ar")).fill("لقاءات للآباء والأمهات.");
  await creator.getByRole("button", { name: t("forumAdmin.createCategory") }).click();
  await expect(coordinator.getByText(t("forumAdmin.categorySaved"))).toBeVisible();
  await expectNoA11yViolations(coordinator);

  const reader = await newPage();
  await reader.context().addCookies([{ name: "locale", value: "ar", url: baseURL! }]);
  await reader.goto("/forum");
  // the seed's categories come translated, the new one with the coordinator's Arabic name
  await expect(reader.getByRole("link", { name: "اللغة", exact: true })).toBeVisible();
  await reader.getByRole("link", { name: arabicName, exact: true }).click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(arabicName);
  await expect(reader.getByText("لقاءات للآباء والأمهات.")).toBeVisible();

  // English has no translation: the German name stands in.
  await reader.context().addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  await reader.reload();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(name);

  // Titles are isolated, so the seed's German title keeps its "!" at its end in the right-to-left list.
  await reader.context().addCookies([{ name: "locale", value: "ar", url: baseURL! }]);
  await reader.goto("/forum/c/willkommen");
  await expect(
    reader.locator("main li a > bdi", { hasText: "Willkommen im Forum des Integrationsnetzwerks!" }),
  ).toBeVisible();
  await expectNoA11yViolations(reader);
});

test("without JavaScript, reloading the page a new working group was created on makes no second group", async ({
  newPage,
}) => {
  const page = await newPage({ storageState: COORDINATOR_STATE, javaScriptEnabled: false });
  const group = `AK Neu ${uniqueLetters()}`;
  await page.goto("/admin/forum");
  await page.getByLabel(t("forumAdmin.groupName")).fill(group);
  await page.getByRole("button", { name: t("forumAdmin.createGroup") }).click();
  await expect(page.getByText(t("forumAdmin.groupCreated"))).toBeVisible();
  const groups = page.getByRole("heading", { level: 3, name: group, exact: true });
  await expect(groups).toHaveCount(1);

  // The browser sends the form again to reload the result.
  const methods: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest()) methods.push(request.method());
  });
  await page.reload();
  expect(methods).toEqual(["POST"]);
  await expect(page.getByText(t("forumAdmin.groupCreated"))).toBeVisible();
  await expect(groups).toHaveCount(1);
  await page.goto("/admin/forum");
  await expect(groups).toHaveCount(1);
});
