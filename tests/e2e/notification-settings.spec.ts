import { expectNoA11yViolations } from "./support/a11y";
import { expect, invitedMember, test } from "./support/admin-fixtures";
import { tr, waitForHydration } from "./support/fixtures";

const t = tr("de");

test("saved notification settings stay chosen with JavaScript, and a second save keeps the first", async ({
  coordinator,
  newPage,
}) => {
  const member = await invitedMember(coordinator, newPage, "Einstellung");
  const page = member.page;
  await page.goto("/settings/notifications");
  const mention = (mode: "immediate" | "off") =>
    page
      .getByRole("group", { name: t("notifications.kindLabels.mention") })
      .getByRole("radio", { name: t(`notifications.settings.modes.${mode}`) });
  const hour = page.getByLabel(t("notifications.settings.digestHour"));
  const save = page.getByRole("button", { name: t("notifications.settings.save") });
  await waitForHydration(save);

  await mention("off").check();
  await hour.selectOption("19");
  await save.click();
  await expect(page.getByRole("status")).toHaveText(t("notifications.settings.saved"));
  await expect(mention("off")).toBeChecked();
  await expect(hour).toHaveValue("19");

  // only the hour changes now; the first choice must not be sent back as it was before
  await hour.selectOption("20");
  // the status from the first save is still shown: wait for this save's answer before reloading
  const saved = page.waitForResponse((response) => response.request().method() === "POST");
  await save.click();
  await saved;
  await expect(hour).toHaveValue("20");
  await expect(mention("off")).toBeChecked();
  await page.reload();
  await expect(mention("off")).toBeChecked();
  await expect(mention("immediate")).not.toBeChecked();
  await expect(hour).toHaveValue("20");
  await expectNoA11yViolations(page);
});
