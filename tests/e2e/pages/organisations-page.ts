import type { Page } from "@playwright/test";
import { escapeRegExp, expect, tr } from "../support/fixtures";

/** /organisations, an organisation's page, its edit form and /admin/organisations (German). */
export class OrganisationsPage {
  readonly t = tr("de");

  constructor(readonly page: Page) {}

  async gotoList() {
    await this.page.goto("/organisations");
    await expect(
      this.page.getByRole("heading", { level: 1, name: this.t("organisations.title") }),
    ).toBeVisible();
  }

  async filter(options: { type?: string; q?: string }) {
    const search = this.page.getByRole("search", { name: this.t("organisations.filterTitle") });
    if (options.type) {
      await search.getByLabel(this.t("organisations.type"), { exact: true }).selectOption({
        label: this.t(`organisations.types.${options.type}` as "organisations.types.other"),
      });
    }
    if (options.q !== undefined) await search.getByLabel(this.t("organisations.search")).fill(options.q);
    await search.getByRole("button", { name: this.t("organisations.filter") }).click();
  }

  /** An organisation's card in the list, by its name. */
  card(name: string) {
    return this.page.getByRole("article", { name, exact: true });
  }

  async open(name: string) {
    await this.card(name).getByRole("link", { name, exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
  }

  /** The organisation's own description (rendered Markdown) on its page. */
  description() {
    return this.page.locator('[aria-labelledby="organisation-heading"] > .prose-legal');
  }

  peopleSection() {
    return this.page.getByRole("region", { name: this.t("organisations.peopleTitle") });
  }

  /** A field of the edit form; required ones carry "(Pflichtfeld)" after their label. */
  field(key: "name" | "description" | "postcode" | "website") {
    const label = escapeRegExp(this.t(`organisations.form.${key}`));
    const required = escapeRegExp(this.t("organisations.form.required"));
    return this.page.getByLabel(new RegExp(`^${label}( \\(${required}\\))?$`));
  }

  async save() {
    await this.page.getByRole("button", { name: this.t("organisations.form.save") }).click();
  }

  async gotoAdmin() {
    await this.page.goto("/admin/organisations");
    await expect(
      this.page.getByRole("heading", { level: 1, name: this.t("organisations.admin.title") }),
    ).toBeVisible();
  }

  confirmButton(name: string) {
    return this.card(name).getByRole("button", {
      name: this.t("organisations.admin.confirmLabel", { name }),
    });
  }

  rejectButton(name: string) {
    return this.card(name).getByRole("button", {
      name: this.t("organisations.admin.rejectLabel", { name }),
    });
  }

  /** The field on a proposal's card where any confirmed organisation is typed to assign its people to. */
  mergeField(name: string) {
    return this.card(name).getByRole("combobox", { name: this.t("organisations.admin.mergeTypedLabel") });
  }

  mergeTypedButton(name: string) {
    return this.card(name).getByRole("button", {
      name: this.t("organisations.admin.mergeTypedButtonLabel", { name }),
    });
  }
}
