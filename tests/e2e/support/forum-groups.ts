import type { Page } from "@playwright/test";
import { expectNoA11yViolations } from "./a11y";
import { expect, tr } from "./fixtures";

const t = tr("de");

/**
 * On /admin/forum the coordinator creates the working group `group`, adds these members by e-mail
 * and gives the group its own category `category`.
 */
export async function createGroupCategory(
  coordinator: Page,
  input: { group: string; category: string; members: { name: string; email: string }[] },
) {
  const { group, category } = input;
  await coordinator.goto("/admin/forum");
  await coordinator.getByLabel(t("forumAdmin.groupName")).fill(group);
  await coordinator.getByRole("button", { name: t("forumAdmin.createGroup") }).click();
  await expect(coordinator.getByText(t("forumAdmin.groupCreated"))).toBeVisible();
  const adder = coordinator.locator("form").filter({
    has: coordinator.getByLabel(t("forumAdmin.addMember", { group })),
  });
  for (const person of input.members) {
    await adder.getByLabel(t("forumAdmin.addMember", { group })).fill(person.email);
    await adder.getByRole("button", { name: t("forumAdmin.add") }).click();
    await expect(coordinator.getByText(`${person.name} (${person.email})`)).toBeVisible();
  }
  const creator = coordinator
    .locator("form")
    .filter({ has: coordinator.getByRole("button", { name: t("forumAdmin.createCategory") }) });
  await creator.getByLabel(t("forumAdmin.name"), { exact: true }).fill(category);
  await creator.getByLabel(t("forumAdmin.description"), { exact: true }).fill("Nur für den Arbeitskreis.");
  await creator
    .getByLabel(t("forumAdmin.visibility"))
    .selectOption({ label: t("forumAdmin.visibilityGroup") });
  await creator.getByLabel(t("forumAdmin.group"), { exact: true }).selectOption({ label: group });
  await creator.getByRole("button", { name: t("forumAdmin.createCategory") }).click();
  await expect(coordinator.getByText(t("forumAdmin.categorySaved"))).toBeVisible();
  await expect(coordinator.locator("summary", { hasText: category })).toBeVisible();
  await expectNoA11yViolations(coordinator);
}
