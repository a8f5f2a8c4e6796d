import type { Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { invitedMember, test } from "./support/admin-fixtures";
import { expect, tr, uniqueSuffix, waitForHydration } from "./support/fixtures";

const t = tr("de");

/** Opens the post's edit page and saves this text. */
async function editTo(page: Page, threadUrl: string, body: string) {
  await page.goto(threadUrl);
  await page
    .locator("#post-1")
    .getByRole("link", { name: t("forum.edit") })
    .click();
  const field = page.getByRole("textbox", { name: t("forum.composer.body") });
  await waitForHydration(field);
  await field.fill(body);
  await page.getByRole("button", { name: t("forum.composer.saveEdit") }).click();
  await expect(page.locator("#post-1")).toContainText(body);
}

test("an author takes a phone number out of a public post and removes the earlier versions; visitors never see the history", async ({
  coordinator,
  newPage,
}) => {
  const iryna = await invitedMember(coordinator, newPage, "Iryna");
  const title = `Wohnung gesucht ${uniqueSuffix()}`;
  const phone = "0170 999999";

  await iryna.page.goto("/forum/new");
  await iryna.page
    .getByLabel(t("forum.composer.category"))
    .selectOption({ label: "Willkommen & Allgemeines" });
  await iryna.page.getByRole("textbox", { name: t("forum.composer.threadTitle") }).fill(title);
  await iryna.page.getByRole("textbox", { name: t("forum.composer.body") }).fill("Wer kennt eine Wohnung?");
  await iryna.page.getByRole("button", { name: t("forum.composer.createThread") }).click();
  await expect(iryna.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const threadUrl = new URL(iryna.page.url()).pathname;
  await editTo(iryna.page, threadUrl, `Wer kennt eine Wohnung? Telefonnummer ${phone}`);
  await editTo(iryna.page, threadUrl, "Wer kennt eine Wohnung? Schreiben Sie mir eine Nachricht.");
  const edited = t("forum.edited", { count: 2 });

  await test.step("a visitor reads the post as edited, with no way into its history", async () => {
    const visitor = await newPage();
    await visitor.goto(threadUrl);
    await expect(visitor.locator("#post-1")).toContainText(edited);
    await expect(visitor.locator("#post-1").getByRole("link", { name: edited })).toHaveCount(0);
    await expectNoA11yViolations(visitor);
    const historyUrl = await iryna.page
      .locator("#post-1")
      .getByRole("link", { name: edited })
      .getAttribute("href");
    await visitor.goto(historyUrl!);
    await expect(visitor).toHaveURL(/\/login/);
    await expect(visitor.getByText(phone)).toHaveCount(0);
  });

  await test.step("Iryna removes the earlier versions, without JavaScript", async () => {
    await iryna.page.locator("#post-1").getByRole("link", { name: edited }).click();
    await expect(iryna.page.getByText(`Telefonnummer ${phone}`)).toBeVisible();
    await expectNoA11yViolations(iryna.page);
    const historyUrl = new URL(iryna.page.url()).pathname;

    const noJs = await newPage({
      javaScriptEnabled: false,
      storageState: await iryna.page.context().storageState(),
    });
    await noJs.goto(historyUrl);
    await noJs.getByRole("link", { name: t("forum.versions.removeTitle") }).click();
    const confirm = noJs.getByRole("region", { name: t("forum.versions.confirmHeading") });
    await expect(confirm).toContainText(t("forum.versions.confirmText", { count: 2 }));
    // axe needs JavaScript: the same confirmation step in Iryna's browser.
    await iryna.page.goto(noJs.url());
    await expect(iryna.page.getByRole("region", { name: t("forum.versions.confirmHeading") })).toBeVisible();
    await expectNoA11yViolations(iryna.page);

    await confirm.getByRole("button", { name: t("forum.versions.confirm") }).click();
    await expect(noJs.getByText(t("forum.versions.removedNotice"))).toBeVisible();
    await expect(noJs.getByText(t("forum.versions.removedNote"))).toBeVisible();
    await expect(noJs.getByText(phone)).toHaveCount(0);
    await expect(noJs.getByRole("link", { name: t("forum.versions.removeTitle") })).toHaveCount(0);

    await iryna.page.goto(historyUrl);
    await expect(iryna.page.getByText(t("forum.versions.removedNote"))).toBeVisible();
    await expect(iryna.page.getByText(phone)).toHaveCount(0);
    await expect(iryna.page.getByText("Schreiben Sie mir eine Nachricht.")).toBeVisible();
    await expectNoA11yViolations(iryna.page);
    // The post still says it was edited.
    await iryna.page.goto(threadUrl);
    await expect(iryna.page.locator("#post-1").getByRole("link", { name: edited })).toBeVisible();
  });
});
