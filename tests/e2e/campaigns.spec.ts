import type { Page } from "@playwright/test";
import { expectNoA11yViolations } from "./support/a11y";
import { expect, invitedMember, test } from "./support/admin-fixtures";
import { dayFromNow, escapeRegExp, plain, tr, uniqueEmail, uniqueSuffix } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";

const t = tr("de");
const GERMAN_SUBJECT = t("campaigns.form.subjectIn", { language: t("campaigns.languages.de") });
const GERMAN_BODY = t("campaigns.form.bodyIn", { language: t("campaigns.languages.de") });

/** A visitor signs up for the newsletter and confirms from the mail (double opt-in). */
async function subscribe(page: Page, email: string, name: string) {
  await page.goto("/newsletter");
  await page.getByLabel(t("newsletter.email")).fill(email);
  await page.getByLabel(t("newsletter.name")).fill(name);
  await page.getByLabel(plain(t.raw("newsletter.consent") as string)).check();
  const since = Date.now();
  await page.getByRole("button", { name: t("newsletter.submit") }).click();
  await expect(page.getByText(t("newsletter.checkMail"))).toBeVisible();
  const mail = await waitForMail(email, { subject: t("newsletter.mail.subject"), since });
  const link = mail.text.match(/https?:\/\/\S+\/newsletter\/confirm\?token=\S+/)?.[0];
  expect(link).toBeDefined();
  await page.goto(link!);
  await page.getByRole("button", { name: t("newsletter.confirmButton") }).click();
  await expect(page.getByText(t("newsletter.confirmed"))).toBeVisible();
}

test("newsletter sign-up: errors beside the fields, consent required, works without JavaScript", async ({
  newPage,
}) => {
  const page = await newPage();
  await page.goto("/newsletter");
  await expectNoA11yViolations(page);
  await page.getByLabel(t("newsletter.email")).fill("keine-adresse");
  await page.getByRole("button", { name: t("newsletter.submit") }).click();
  await expect(page.getByText(t("newsletter.errors.invalidEmail"))).toBeVisible();
  await expect(page.getByText(t("newsletter.errors.consentRequired"))).toBeVisible();
  await expect(page.getByLabel(t("newsletter.email"))).toHaveValue("keine-adresse");
  await expectNoA11yViolations(page);

  // Without JavaScript the form works the same; the confirmation mail follows.
  const plainPage = await newPage({ javaScriptEnabled: false });
  const email = uniqueEmail("ohne-js");
  await plainPage.goto("/newsletter");
  await plainPage.getByLabel(t("newsletter.email")).fill(email);
  await plainPage.getByLabel(plain(t.raw("newsletter.consent") as string)).check();
  await plainPage.getByRole("button", { name: t("newsletter.submit") }).click();
  await expect(plainPage.getByText(t("newsletter.checkMail"))).toBeVisible();
  await waitForMail(email, { subject: t("newsletter.mail.subject") });
});

test("a coordinator builds a segment, composes, test-sends and sends; recipients unsubscribe in one click or on the page", async ({
  coordinator,
  newPage,
  request,
}) => {
  const suffix = uniqueSuffix();
  const oneClick = { email: uniqueEmail("abo-klick"), name: `Klick ${suffix}` };
  const byPage = { email: uniqueEmail("abo-seite"), name: `Seite ${suffix}` };
  const visitor = await newPage();
  await subscribe(visitor, oneClick.email, oneClick.name);
  await subscribe(visitor, byPage.email, byPage.name);

  // Build the segment: subscribers only; the count follows every change.
  await coordinator.goto("/admin/campaigns");
  await expectNoA11yViolations(coordinator);
  await coordinator.getByRole("link", { name: t("campaigns.newCampaign") }).click();
  const title = `Rundbrief ${suffix}`;
  await coordinator.getByLabel(t("campaigns.form.titleLabel")).fill(title);
  const count = coordinator.locator("#audience-count");
  await expect(count).toContainText(/\d/);
  await coordinator.getByLabel(t("campaigns.form.members"), { exact: true }).uncheck();
  await expect(count).toHaveText(/^Diese Auswahl erreicht niemanden\.$/);
  await coordinator.getByLabel(t("campaigns.form.contacts")).check();
  await expect(count).toHaveText(/erreicht [\d.]+ Person/);

  // Compose with a live preview of both versions (a long mail: the preview boxes scroll, by keyboard too).
  const agenda = Array.from({ length: 40 }, (_, i) => `- Programmpunkt ${i + 1}`).join("\n");
  await coordinator.getByLabel(GERMAN_SUBJECT).fill(`${title} für {{name}}`);
  await coordinator
    .getByLabel(GERMAN_BODY)
    .fill(
      `Hallo {{name|zusammen}},\n\nunser **Sommerfest** ist am 5. Juli. [Programm](https://example.org/programm)\n\nBürgerhaus Zeitz\nAltmarkt 3\n\n${agenda}`,
    );
  const english = t("campaigns.languages.en");
  await coordinator.getByText(t("campaigns.form.version", { language: english })).click();
  await coordinator
    .getByLabel(t("campaigns.form.subjectIn", { language: english }))
    .fill(`${title} (English)`);
  await coordinator
    .getByLabel(t("campaigns.form.bodyIn", { language: english }))
    .fill(`Hello {{name|everyone}},\n\nour **summer party** is on 5 July.\n\n${agenda}`);
  const preview = coordinator.getByRole("region", {
    name: t("campaigns.form.previewIn", { language: t("campaigns.languages.de") }),
  });
  await expect(preview.locator("strong")).toHaveText("Sommerfest");
  await expect(preview.locator("pre")).toContainText("Programm (https://example.org/programm)");
  // An address typed line by line stays on its lines.
  await expect(preview.locator("p", { hasText: "Bürgerhaus Zeitz" }).locator("br")).toHaveCount(1);
  await expect(
    coordinator
      .getByRole("region", { name: t("campaigns.form.previewIn", { language: english }) })
      .locator("strong"),
  ).toHaveText("summer party");
  await expectNoA11yViolations(coordinator);
  await coordinator.getByRole("button", { name: t("campaigns.form.save") }).click();
  await expect(coordinator.getByText(t("campaigns.saved.created"))).toBeVisible();
  await expect(coordinator.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectNoA11yViolations(coordinator);

  // The audit log names the campaign by its title and links to it, also on a phone.
  const campaignPage = coordinator.url().split("?")[0]!;
  await coordinator.setViewportSize({ width: 390, height: 844 });
  await coordinator.goto("/admin/audit?action=campaign.create");
  const logged = coordinator
    .getByRole("table", { name: t("admin.audit.title") })
    .getByRole("link", { name: title, exact: true });
  await expect(logged).toHaveAttribute("href", new URL(campaignPage).pathname);
  expect(await coordinator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoA11yViolations(coordinator);
  await coordinator.setViewportSize({ width: 1280, height: 720 });
  await coordinator.goto(campaignPage);

  // A test to myself first.
  let since = Date.now();
  await coordinator.getByRole("button", { name: t("campaigns.detail.testSend") }).click();
  await expect(coordinator.getByText(/Die Test-E-Mail ist an .* unterwegs\./)).toBeVisible();
  const testMail = await waitForMail("koordination@example.org", {
    subject: new RegExp(`^\\[Test\\] ${title}`),
    since,
  });
  expect(testMail.text).toContain("Sommerfest");
  expect(testMail.html).toMatch(/Bürgerhaus Zeitz<br\s*\/?>\s*Altmarkt 3/);
  // Coordinators click the test mail's links to check them: its unsubscribe link unsubscribes nobody
  // (the report below counts the two recipients only), neither the page nor the one-click header.
  const testLink = testMail.text.match(/https?:\/\/\S+\/unsubscribe\?token=\S+/)?.[0];
  const checker = await newPage();
  await checker.goto(testLink!);
  await expect(checker.getByText(t("newsletter.unsubscribeTestLink"))).toBeVisible();
  await expect(checker.getByRole("button", { name: t("newsletter.unsubscribeButton") })).toHaveCount(0);
  await expectNoA11yViolations(checker);
  const testOneClick = testMail.headers["list-unsubscribe"]?.replace(/^<|>$/g, "");
  await request.post(testOneClick!, { form: { "List-Unsubscribe": "One-Click" } });

  // Send now and watch the progress reach 100 %.
  since = Date.now();
  await coordinator.getByLabel(t("campaigns.detail.sendNow"), { exact: true }).check();
  // A time typed beside "send now" is a schedule meant, not chosen: nothing goes out, and it is said.
  const date = coordinator.getByLabel(t("campaigns.detail.date"));
  await date.fill(dayFromNow(3));
  await coordinator.getByRole("button", { name: t("campaigns.detail.sendButton") }).click();
  await expect(date).toHaveAccessibleDescription(
    new RegExp(escapeRegExp(t("campaigns.errors.scheduleWithSendNow"))),
  );
  // … and sending now to everyone wants a confirmation.
  await expect(coordinator.getByText(t("campaigns.errors.confirmSendNow"))).toBeVisible();
  await expect(coordinator.getByTestId("campaign-status")).toHaveText(t("campaigns.status.draft"));
  await date.fill("");
  await coordinator.getByLabel(t("campaigns.detail.confirmNow")).check();
  await coordinator.getByRole("button", { name: t("campaigns.detail.sendButton") }).click();
  await expect(coordinator.getByText(t("campaigns.saved.sending"))).toBeVisible();
  const progress = coordinator.getByRole("progressbar", { name: t("campaigns.detail.progressLabel") });
  await expect(progress).toHaveAttribute("value", "100", { timeout: 30_000 });
  await expect(coordinator.getByTestId("campaign-status")).toHaveText(t("campaigns.status.sent"));
  await expect(coordinator.getByRole("region", { name: t("campaigns.detail.reportTitle") })).toBeVisible();
  await expect(coordinator.locator('[data-figure="failed"]')).toHaveText("0");
  await expect(coordinator.locator('[data-figure="pending"]')).toHaveText("0");
  await expectNoA11yViolations(coordinator);

  // The report's chart on a phone, in German and in Arabic (right to left): every label whole, every
  // number inside the chart and after its bar's end.
  const report = coordinator.url().split("?")[0]!;
  await coordinator.setViewportSize({ width: 390, height: 844 });
  for (const locale of ["de", "ar"] as const) {
    const tl = tr(locale);
    await coordinator.goto(`${report}?lang=${locale}`);
    const chart = coordinator.getByRole("img", { name: tl("campaigns.detail.chartLabel") });
    const area = (await chart.boundingBox())!;
    for (const key of ["sent", "failed", "skipped", "pending", "unsubscribed"] as const) {
      const row = chart.locator(`[data-bar="${key}"]`);
      await expect(row.locator('[data-part="label"]')).toHaveText(tl(`campaigns.detail.${key}`));
      const bar = (await row.locator('[data-part="bar"]').boundingBox())!;
      for (const part of ["label", "value"]) {
        const box = (await row.locator(`[data-part="${part}"]`).boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(area.x);
        expect(box.x + box.width).toBeLessThanOrEqual(area.x + area.width + 0.5);
      }
      const value = (await row.locator('[data-part="value"]').boundingBox())!;
      if (locale === "ar") expect(value.x + value.width).toBeLessThanOrEqual(bar.x);
      else expect(value.x).toBeGreaterThanOrEqual(bar.x + bar.width);
    }
    await expectNoA11yViolations(coordinator);
  }
  await coordinator.setViewportSize({ width: 1280, height: 720 });
  await coordinator.goto(report);

  const mail = await waitForMail(oneClick.email, { subject: `${title} für ${oneClick.name}`, since });
  expect(mail.text).toContain(`Hallo ${oneClick.name},`);
  expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const oneClickUrl = mail.headers["list-unsubscribe"]?.replace(/^<|>$/g, "");
  expect(oneClickUrl).toMatch(/\/api\/unsubscribe\?token=/);

  // RFC 8058: one POST, no page in between.
  const answer = await request.post(oneClickUrl!, { form: { "List-Unsubscribe": "One-Click" } });
  expect(answer.status()).toBe(200);

  // The other recipient uses the link in the footer: a page with a single button.
  const second = await waitForMail(byPage.email, { subject: `${title} für ${byPage.name}`, since });
  const pageLink = second.text.match(/https?:\/\/\S+\/unsubscribe\?token=\S+/)?.[0];
  const reader = await newPage();
  await reader.goto(pageLink!);
  await expect(reader.getByText(byPage.email)).toBeVisible();
  await expectNoA11yViolations(reader);
  await reader.getByRole("button", { name: t("newsletter.unsubscribeButton") }).click();
  await expect(reader.getByText(t("newsletter.unsubscribed"))).toBeVisible();

  await coordinator.reload();
  await expect(coordinator.locator('[data-figure="unsubscribed"]')).toHaveText("2");

  // A later campaign to subscribers leaves both out.
  await coordinator.goto("/admin/campaigns/new");
  await coordinator.getByLabel(t("campaigns.form.titleLabel")).fill(`${title} zwei`);
  await coordinator.getByLabel(t("campaigns.form.members"), { exact: true }).uncheck();
  await coordinator.getByLabel(t("campaigns.form.contacts")).check();
  await coordinator.getByLabel(GERMAN_SUBJECT).fill(`${title} zwei`);
  await coordinator.getByLabel(GERMAN_BODY).fill("Noch einmal.");
  await coordinator.getByRole("button", { name: t("campaigns.form.save") }).click();
  await coordinator.getByLabel(t("campaigns.detail.confirmNow")).check();
  await coordinator.getByRole("button", { name: t("campaigns.detail.sendButton") }).click();
  await expect(coordinator.getByTestId("campaign-status")).toHaveText(t("campaigns.status.sent"), {
    timeout: 30_000,
  });
  await expect(waitForMail(oneClick.email, { subject: `${title} zwei`, timeout: 3_000 })).rejects.toThrow();
  await expect(waitForMail(byPage.email, { subject: `${title} zwei`, timeout: 500 })).rejects.toThrow();
});

test("a coordinator schedules a campaign, is stopped at a past time, reschedules, cancels it after confirming, and copies it", async ({
  coordinator,
}) => {
  const title = `Einladung Sommerfest ${uniqueSuffix()}`;
  await coordinator.goto("/admin/campaigns/new");
  await coordinator.getByLabel(t("campaigns.form.titleLabel")).fill(title);
  await coordinator.getByLabel(GERMAN_SUBJECT).fill(title);
  await coordinator.getByLabel(GERMAN_BODY).fill("Wir feiern am Samstag im Stadtpark.");
  await coordinator.getByRole("button", { name: t("campaigns.form.save") }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(coordinator.getByText(t("campaigns.saved.created"))).toBeVisible();

  const date = coordinator.getByLabel(t("campaigns.detail.date"));
  await coordinator.getByLabel(t("campaigns.detail.sendLater")).check();
  await date.fill(dayFromNow(-1));
  await coordinator.getByLabel(t("campaigns.detail.time")).fill("09:00");
  await coordinator.getByRole("button", { name: t("campaigns.detail.sendButton") }).click();
  await expect(date).toHaveAccessibleDescription(new RegExp(t("campaigns.errors.inPast")));
  await expect(date).toHaveValue(dayFromNow(-1));
  // The notice of the earlier save does not stand beside the error as if this had worked.
  await expect(coordinator.getByText(t("campaigns.saved.created"))).toBeHidden();
  // What was chosen stays chosen: pressing the button again must not send at once.
  await expect(coordinator.getByLabel(t("campaigns.detail.sendLater"))).toBeChecked();
  await expect(coordinator.getByTestId("campaign-status")).toHaveText(t("campaigns.status.draft"));
  await expectNoA11yViolations(coordinator);

  await date.fill(dayFromNow(1));
  await coordinator.getByRole("button", { name: t("campaigns.detail.sendButton") }).click();
  await expect(coordinator.getByTestId("campaign-status")).toHaveText(t("campaigns.status.scheduled"));
  await expect(coordinator.getByText(/^Geplant für .* 09:00/)).toBeVisible();
  await expect(coordinator.getByRole("button", { name: t("campaigns.detail.sendButton") })).toHaveCount(0);
  await expectNoA11yViolations(coordinator);

  // Back to a draft to change the time.
  await coordinator.getByRole("button", { name: t("campaigns.detail.unschedule") }).click();
  await expect(coordinator.getByText(t("campaigns.saved.unscheduled"))).toBeVisible();
  await expect(coordinator.getByTestId("campaign-status")).toHaveText(t("campaigns.status.draft"));
  await coordinator.getByLabel(t("campaigns.detail.sendLater")).check();
  await date.fill(dayFromNow(2));
  await coordinator.getByLabel(t("campaigns.detail.time")).fill("10:30");
  await coordinator.getByRole("button", { name: t("campaigns.detail.sendButton") }).click();
  await expect(coordinator.getByText(/^Geplant für .* 10:30/)).toBeVisible();

  // Cancelling asks first; "no" leaves it scheduled.
  const cancel = coordinator.getByRole("link", { name: t("campaigns.detail.cancel") });
  await cancel.click();
  await expect(
    coordinator.getByRole("heading", { name: t("campaigns.detail.cancelConfirmTitle") }),
  ).toBeVisible();
  await expectNoA11yViolations(coordinator);
  await coordinator.getByRole("link", { name: t("campaigns.detail.cancelKeep") }).click();
  await expect(coordinator.getByTestId("campaign-status")).toHaveText(t("campaigns.status.scheduled"));
  await cancel.click();
  await coordinator.getByRole("button", { name: t("campaigns.detail.cancelConfirm") }).click();
  await expect(coordinator.getByText(t("campaigns.saved.cancelled"))).toBeVisible();
  await expect(coordinator.getByTestId("campaign-status")).toHaveText(t("campaigns.status.cancelled"));
  await expect(cancel).toHaveCount(0);

  // A cancelled campaign can be copied as a new draft.
  await coordinator.getByRole("button", { name: t("campaigns.detail.duplicate") }).click();
  await expect(coordinator.getByText(t("campaigns.saved.duplicated"))).toBeVisible();
  await expect(coordinator.getByRole("heading", { level: 1, name: `${title} (Kopie)` })).toBeVisible();
  await expect(coordinator.getByTestId("campaign-status")).toHaveText(t("campaigns.status.draft"));
  await expect(coordinator.getByLabel(GERMAN_BODY)).toHaveValue("Wir feiern am Samstag im Stadtpark.");
  await coordinator.goto("/admin/campaigns");
  await expect(coordinator.getByRole("row").filter({ hasText: title, hasNotText: "(Kopie)" })).toContainText(
    t("campaigns.status.cancelled"),
  );
});

test("a draft saved in another tab meanwhile: the older editor's save is refused with the text kept, and a second save replaces it", async ({
  coordinator,
}) => {
  const title = `Rundbrief ${uniqueSuffix()}`;
  await coordinator.goto("/admin/campaigns/new");
  await coordinator.getByLabel(t("campaigns.form.titleLabel")).fill(title);
  await coordinator.getByLabel(GERMAN_SUBJECT).fill(title);
  await coordinator.getByLabel(GERMAN_BODY).fill("Erster Entwurf.");
  await coordinator.getByRole("button", { name: t("campaigns.form.save") }).click();
  await expect(coordinator.getByText(t("campaigns.saved.created"))).toBeVisible();
  const other = await coordinator.context().newPage();
  await other.goto(coordinator.url());

  await coordinator.getByLabel(GERMAN_BODY).fill("Fassung aus dem ersten Tab.");
  await coordinator.getByRole("button", { name: t("campaigns.form.save") }).click();
  await expect(coordinator.getByText(t("campaigns.saved.saved"))).toBeVisible();

  await other.getByLabel(GERMAN_BODY).fill("Fassung aus dem zweiten Tab.");
  await other.getByRole("button", { name: t("campaigns.form.save") }).click();
  await expect(other.getByText(t("campaigns.errors.changedMeanwhile"))).toBeVisible();
  await expect(other.getByLabel(GERMAN_BODY)).toHaveValue("Fassung aus dem zweiten Tab.");
  await expectNoA11yViolations(other);
  await coordinator.reload();
  await expect(coordinator.getByLabel(GERMAN_BODY)).toHaveValue("Fassung aus dem ersten Tab.");

  await other.getByRole("button", { name: t("campaigns.form.save") }).click();
  await expect(other.getByText(t("campaigns.saved.saved"))).toBeVisible();
  await expect(other.getByLabel(GERMAN_BODY)).toHaveValue("Fassung aus dem zweiten Tab.");
  await other.close();
});

test("a welcome step mails every newly approved member; pausing it stops that", async ({
  coordinator,
  newPage,
}) => {
  const title = `Willkommen ${uniqueSuffix()}`;
  await coordinator.goto("/admin/campaigns");
  await coordinator.getByRole("link", { name: t("campaigns.newWelcomeStep") }).click();
  await coordinator.getByLabel(t("campaigns.form.titleLabel")).fill(title);
  await coordinator.getByLabel(t("campaigns.form.delayDays")).fill("0");
  await coordinator.getByLabel(GERMAN_SUBJECT).fill(`${title}, {{name}}!`);
  await coordinator.getByLabel(GERMAN_BODY).fill("Schön, dass Sie da sind. Ihr Koordinationsteam");
  await coordinator.getByRole("button", { name: t("campaigns.form.save") }).click();
  await expect(coordinator.getByText(t("campaigns.saved.created"))).toBeVisible();
  await expectNoA11yViolations(coordinator);
  await coordinator.getByRole("button", { name: t("campaigns.detail.activate") }).click();
  await expect(coordinator.getByText(t("campaigns.saved.activated"))).toBeVisible();
  const stepUrl = coordinator.url();

  const newcomer = await invitedMember(coordinator, newPage, "Neuling");
  const welcome = await waitForMail(newcomer.email, {
    subject: `${title}, ${newcomer.name}!`,
    timeout: 20_000,
  });
  expect(welcome.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

  await coordinator.goto(stepUrl);
  await coordinator.getByRole("button", { name: t("campaigns.detail.pauseStep") }).click();
  await expect(coordinator.getByTestId("campaign-status")).toHaveText(t("campaigns.status.paused"));
  const later = await invitedMember(coordinator, newPage, "Spaeter");
  await expect(
    waitForMail(later.email, { subject: new RegExp(`^${title}`), timeout: 5_000 }),
  ).rejects.toThrow();
});

test("members and visitors are refused the campaign pages and their data", async ({
  coordinator,
  newPage,
}) => {
  const title = `Vertraulicher Entwurf ${uniqueSuffix()}`;
  await coordinator.goto("/admin/campaigns/new");
  await coordinator.getByLabel(t("campaigns.form.titleLabel")).fill(title);
  await coordinator.getByLabel(GERMAN_SUBJECT).fill(title);
  await coordinator.getByLabel(GERMAN_BODY).fill("Noch nicht für alle Augen.");
  await coordinator.getByRole("button", { name: t("campaigns.form.save") }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const campaignPath = new URL(coordinator.url()).pathname;

  const member = await invitedMember(coordinator, newPage, "Kampagnen");
  const visitor = await newPage();
  for (const page of [member.page, visitor]) {
    expect((await page.goto("/admin/campaigns"))?.status()).toBe(404);
    expect((await page.goto("/admin/campaigns/new"))?.status()).toBe(404);
    const campaign = await page.goto(campaignPath);
    expect(campaign?.status()).toBe(404);
    // Not even as the page's title.
    expect(await campaign?.text()).not.toContain(title);
    const count = await page.request.post("/api/admin/campaigns/count", { form: { members: "on" } });
    expect(count.status()).toBe(404);
  }
});
