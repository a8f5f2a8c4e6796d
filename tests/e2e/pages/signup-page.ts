import type { Page } from "@playwright/test";
import { escapeRegExp, expect, type Locale, plain, tr } from "../support/fixtures";
import { linkIn, waitForMail } from "../support/mailbox";

export type Applicant = {
  name: string;
  email: string;
  /**
   * An organisation of the network, typed as suggested; or a new one to propose (and, when asked
   * whether it exists already, the existing one to `pick` instead).
   */
  organisation: { existing: string } | { propose: string; pick?: string };
  jobFunction: string;
  municipality: string;
  topics: string[];
  languages: string[];
};

/** The sign-up form at /signup, in the language the page is shown in. */
export class SignupPage {
  readonly t: ReturnType<typeof tr>;

  constructor(
    readonly page: Page,
    readonly locale: Locale = "de",
  ) {
    this.t = tr(locale);
  }

  async goto() {
    await this.page.goto("/signup");
    await expect(this.page.getByRole("heading", { level: 1, name: this.t("signup.title") })).toBeVisible();
  }

  field(key: "name" | "email" | "organisation" | "jobFunction" | "municipality") {
    // Required fields carry "(Pflichtfeld)" after their label.
    const label = escapeRegExp(this.t(`signup.${key}`));
    const required = escapeRegExp(this.t("signup.required"));
    return this.page.getByLabel(new RegExp(`^${label}( \\(${required}\\))?$`));
  }

  group(key: "topics" | "languages") {
    return this.page.getByRole("group", { name: this.t(`signup.${key}`) });
  }

  consent() {
    return this.page.getByRole("checkbox", { name: plain(this.t.raw("signup.privacyConsent") as string) });
  }

  /** The network's organisations the organisation field suggests while typing. */
  async suggestedOrganisations(): Promise<string[]> {
    const list = await this.field("organisation").getAttribute("list");
    return this.page
      .locator(`datalist[id="${list}"] option`)
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  }

  /** Fills every field the way a person would: typing, picking from lists, ticking boxes. */
  async fill(applicant: Applicant) {
    const t = this.t;
    await this.field("name").fill(applicant.name);
    await this.field("email").fill(applicant.email);
    const { organisation } = applicant;
    await this.field("organisation").fill(
      "existing" in organisation ? organisation.existing : organisation.propose,
    );
    await this.field("jobFunction").fill(applicant.jobFunction);
    await this.field("municipality").selectOption({ label: applicant.municipality });
    for (const topic of applicant.topics) {
      await this.group("topics")
        .getByRole("checkbox", { name: t(`topics.${topic}` as "topics.work"), exact: true })
        .check();
    }
    for (const language of applicant.languages) {
      await this.group("languages")
        .getByRole("checkbox", { name: t(`languages.${language}` as "languages.de"), exact: true })
        .check();
    }
    await this.consent().check();
  }

  /** Answers "Gibt es diese Organisation schon?" by picking the existing one, and sends the form again. */
  async pickSimilar(name: string) {
    const question = this.page.getByRole("group", { name: this.t("organisations.similar.question") });
    await expect(question).toBeVisible();
    await question.getByRole("radio", { name, exact: true }).check();
    await this.submit();
  }

  /**
   * Sends the form; a proposal that must be new answers "Nein, neu anlegen" if asked (a retry meets
   * its own earlier proposal). Returns whether it was asked.
   */
  async submitNew(): Promise<boolean> {
    await this.submit();
    const asked = this.page.getByRole("group", { name: this.t("organisations.similar.question") });
    const sent = this.page.getByRole("heading", { level: 1, name: this.t("checkEmail.title") });
    await expect(asked.or(sent)).toBeVisible();
    if (await sent.isVisible()) return false;
    await asked.getByRole("radio", { name: /^.+$/ }).last().check();
    await this.submit();
    return true;
  }

  async submit() {
    await this.page.getByRole("button", { name: this.t("signup.submit") }).click();
  }

  /**
   * Applies and confirms the address with the link from the mail: the application then waits.
   * Returns whether the form asked if the proposed organisation exists already.
   */
  async applyAndConfirm(applicant: Applicant): Promise<boolean> {
    await this.goto();
    await this.fill(applicant);
    const asked = await this.submitNew();
    await expect(
      this.page.getByRole("heading", { level: 1, name: this.t("checkEmail.title") }),
    ).toBeVisible();
    const mail = await waitForMail(applicant.email, { subject: this.t("mail.confirm.subject") });
    await this.page.goto(linkIn(mail));
    await expect(this.page.getByText(this.t("application.waiting"))).toBeVisible();
    return asked;
  }
}
