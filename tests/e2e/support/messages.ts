import type { Page } from "@playwright/test";
import { expect, tr } from "./fixtures";

const t = tr("de");

/** Immediate mails wait NOTIFY_MAIL_DELAY_SECONDS (90 s unless the server is started with less). */
export const MAIL_TIMEOUT = 150_000;

export const mainNav = (page: Page) => page.getByRole("navigation", { name: t("shell.mainNav") });

/** Starts a conversation from the "new message" page: search, add, write, send. */
export async function writeTo(page: Page, name: string, body: string) {
  await page.goto("/messages/new");
  await page.getByRole("searchbox", { name: t("messages.new.search") }).fill(name);
  await page.getByRole("button", { name: t("messages.new.searchButton") }).click();
  await page.getByRole("link", { name: t("messages.new.add", { name }) }).click();
  await expect(page.getByRole("link", { name: t("messages.new.remove", { name }) })).toBeVisible();
  await page.getByRole("textbox", { name: t("messages.compose.body") }).fill(body);
  await page.getByRole("button", { name: t("messages.compose.send") }).click();
  await expect(page).toHaveURL(/\/messages\/[\w-]+#m-/);
}
