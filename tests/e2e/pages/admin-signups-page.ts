import type { Page } from "@playwright/test";
import { expect, tr } from "../support/fixtures";

/** /admin/signups as the coordinator sees it (German). */
export class AdminSignupsPage {
  readonly t = tr("de");

  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin/signups");
    await expect(this.page.getByRole("heading", { level: 1, name: this.t("signups.title") })).toBeVisible();
  }

  /** An applicant's card, found by their name. */
  card(name: string) {
    return this.page.getByRole("article", { name, exact: true });
  }

  /** Opens the queue and pages on (oldest first, 20 a page) until the applicant's card shows. */
  async gotoCard(name: string) {
    await this.goto();
    while ((await this.card(name).count()) === 0 && (await this.nextPage().count()) > 0) {
      await this.nextPage().click();
    }
    await expect(this.card(name)).toBeVisible();
    return this.card(name);
  }

  /** Looks through every page of the queue: the applicant is no longer in it. */
  async expectNotQueued(name: string) {
    await this.goto();
    for (;;) {
      await expect(this.card(name)).toHaveCount(0);
      if ((await this.nextPage().count()) === 0) return;
      await this.nextPage().click();
    }
  }

  private nextPage() {
    return this.page
      .getByRole("navigation", { name: this.t("signups.queuePages") })
      .getByRole("link", { name: this.t("signups.queueNext") });
  }

  reasonField(name: string) {
    return this.card(name).getByRole("textbox", { name: this.t("signups.reason") });
  }

  approveButton(name: string) {
    return this.card(name).getByRole("button", { name: this.t("signups.approveLabel", { name }) });
  }

  rejectButton(name: string) {
    return this.card(name).getByRole("button", { name: this.t("signups.rejectLabel", { name }) });
  }

  inviteSection() {
    return this.page.getByRole("region", { name: this.t("signups.inviteTitle") });
  }

  csvSection() {
    return this.page.getByRole("region", { name: this.t("signups.csvTitle") });
  }

  async invite(person: { name: string; email: string }) {
    const section = this.inviteSection();
    await section.getByRole("textbox", { name: this.t("signups.inviteName"), exact: true }).fill(person.name);
    await section
      .getByRole("textbox", { name: this.t("signups.inviteEmail"), exact: true })
      .fill(person.email);
    await section.getByRole("button", { name: this.t("signups.inviteSubmit") }).click();
    await expect(section.getByRole("status")).toHaveText(this.t("signups.invited"));
  }

  /** A string is sent as UTF-8; bytes as they are (e.g. a Windows-1252 export from German Excel). */
  async uploadCsv(fileName: string, content: string | Buffer) {
    const section = this.csvSection();
    await section.getByLabel(this.t("signups.csvFile")).setInputFiles({
      name: fileName,
      mimeType: "text/csv",
      buffer: typeof content === "string" ? Buffer.from(content, "utf8") : content,
    });
    await section.getByRole("button", { name: this.t("signups.csvSubmit") }).click();
  }
}
