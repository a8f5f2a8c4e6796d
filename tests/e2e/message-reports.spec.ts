import sharp from "sharp";
import { expectNoA11yViolations } from "./support/a11y";
import { invitedMember } from "./support/admin-fixtures";
import { expect, test, tr } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { MAIL_TIMEOUT, mainNav, writeTo } from "./support/messages";

const t = tr("de");

test("a reported message reaches the coordinator with its photo and PDF, and only while the report is open", async ({
  coordinator,
  newPage,
}) => {
  const amal = await invitedMember(coordinator, newPage, "Amal");
  const iryna = await invitedMember(coordinator, newPage, "Iryna");
  await writeTo(amal.page, iryna.name, "Hallo Iryna!");
  const conversation = amal.page.url().replace(/#.*$/, "");
  const flyer = `Hier der Flyer von ${amal.name}.`;
  // Iryna has the conversation open while Amal writes on.
  await iryna.page.goto(conversation);
  await expect(iryna.page.getByText("Hallo Iryna!")).toBeVisible();

  await test.step("Amal sends a photo and a PDF, then a private file in another message", async () => {
    const photo = await sharp({ create: { width: 200, height: 120, channels: 3, background: "#c2410c" } })
      .png()
      .toBuffer();
    const send = async (body: string, files: { name: string; mimeType: string; buffer: Buffer }[]) => {
      await amal.page.getByRole("textbox", { name: t("messages.compose.body") }).fill(body);
      await amal.page.getByLabel(t("messages.compose.attachments"), { exact: true }).setInputFiles(files);
      await amal.page.getByRole("button", { name: t("messages.compose.send") }).click();
      await expect(amal.page.getByText(body)).toBeVisible();
    };
    await send(flyer, [
      { name: "img.png", mimeType: "image/png", buffer: photo },
      { name: "doc.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") },
    ]);
    await send("Nur für dich.", [
      { name: "privat.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% privat\n%%EOF\n") },
    ]);
  });

  let privateFile = "";
  await test.step("Iryna answers on her open page: what she answered counts as read", async () => {
    await iryna.page.getByRole("textbox", { name: t("messages.compose.body") }).fill("Danke!");
    await iryna.page.getByRole("button", { name: t("messages.compose.send") }).click();
    await expect(iryna.page.getByText("Nur für dich.")).toBeVisible();
    privateFile =
      (await iryna.page
        .getByRole("article")
        .filter({ hasText: "Nur für dich." })
        .getByRole("link", { name: /privat\.pdf/ })
        .getAttribute("href")) ?? "";
    await iryna.page.goto("/home");
    await expect(
      mainNav(iryna.page).getByRole("link", { name: t("notifications.navLabel"), exact: true }),
    ).toBeVisible();
  });

  await test.step("Iryna reports the message with the files", async () => {
    await iryna.page.goto(conversation);
    await iryna.page
      .getByRole("article")
      .filter({ hasText: flyer })
      .getByRole("link", { name: t("messages.conversation.report") })
      .click();
    await iryna.page.getByRole("textbox", { name: t("messages.conversation.reportReason") }).fill("Werbung?");
    await iryna.page.getByRole("button", { name: t("messages.conversation.reportSend") }).click();
    await expect(iryna.page.getByRole("status")).toHaveText(t("messages.conversation.reported"));
  });

  const report = coordinator.getByRole("listitem").filter({ hasText: flyer });
  await test.step("the coordinator sees the files in the queue and opens them, not the other message's", async () => {
    await coordinator.goto("/admin/moderation");
    const files = report.getByRole("list", { name: t("messages.reportedFiles", { count: 2 }) });
    await expect(files.getByRole("listitem")).toHaveCount(2);
    // The thumbnail's text is the file name beside it in the link (alt=""); it loads lazily, once in view.
    const image = files.getByRole("link", { name: /img\.png/ }).locator("img");
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(200);
    const pdf = await coordinator.request.get(
      (await files.getByRole("link", { name: /doc\.pdf/ }).getAttribute("href"))!,
    );
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await expectNoA11yViolations(coordinator);
    expect((await coordinator.request.get(privateFile)).status()).toBe(404);
  });

  await test.step("once the report is dismissed, the coordinator opens the files no more", async () => {
    const href = (await report.getByRole("link", { name: /img\.png/ }).getAttribute("href"))!;
    await report.getByRole("button", { name: t("moderation.decision.dismiss") }).click();
    await expect(coordinator.getByRole("status")).toHaveText(t("moderation.done.dismiss"));
    expect((await coordinator.request.get(href)).status()).toBe(404);
    expect((await iryna.page.request.get(href)).status()).toBe(200);
  });

  await test.step("the audit log names the message by its author and the reason, never by its text", async () => {
    await coordinator.goto(`/admin/audit?target=${encodeURIComponent(amal.name)}`);
    const dismissed = coordinator
      .getByRole("table", { name: t("admin.audit.title") })
      .getByRole("row")
      .filter({ hasText: t("admin.audit.actions.moderation.dismiss") });
    await expect(dismissed).toHaveCount(1);
    await expect(dismissed.getByRole("cell").nth(3)).toHaveText(
      t("admin.audit.messageBy", { author: amal.name }),
    );
    await expect(dismissed).toContainText(`${t("admin.audit.fields.report")}: Werbung?`);
    await expect(dismissed).not.toContainText("Flyer");
    await expectNoA11yViolations(coordinator);
  });
});

test("the turn-off link of an Arabic mail opens in Arabic in a German browser", async ({
  coordinator,
  newPage,
}) => {
  test.setTimeout(MAIL_TIMEOUT + 90_000);
  const amal = await invitedMember(coordinator, newPage, "Amal");
  const katrin = await invitedMember(coordinator, newPage, "Katrin");
  await amal.page
    .getByRole("navigation", { name: t("shell.languageNav") })
    .getByRole("link", { name: "العربية" })
    .click();
  await expect(amal.page.locator("html")).toHaveAttribute("lang", "ar");

  const since = Date.now();
  await writeTo(katrin.page, amal.name, "Hallo Amal!");
  const ar = tr("ar");
  const mail = await waitForMail(amal.email, {
    subject: ar("notifications.kinds.message", { group: "no", count: 1, actor: katrin.name, title: "" }),
    since,
    timeout: MAIL_TIMEOUT,
  });
  const off = mail.text.match(/https?:\/\/\S+\/notifications\/off\?\S+/)?.[0];
  expect(off).toBeTruthy();

  const phone = await newPage();
  await phone.goto(off!);
  await expect(phone.locator("html")).toHaveAttribute("lang", "ar");
  await expect(phone.locator("html")).toHaveAttribute("dir", "rtl");
  const kind = ar("notifications.kindLabels.message");
  await expect(phone.getByText(ar("notifications.off.confirm", { kind }))).toBeVisible();
  await expectNoA11yViolations(phone);
  await phone.getByRole("button", { name: ar("notifications.off.button") }).click();
  await expect(phone.getByRole("status")).toHaveText(ar("notifications.off.done", { kind }));
});

test("a reported message its author deleted shows so in the queue, which offers no restore and refuses a hide sent from a page read before", async ({
  coordinator,
  newPage,
}) => {
  const amal = await invitedMember(coordinator, newPage, "Amal");
  const iryna = await invitedMember(coordinator, newPage, "Iryna");
  const body = `Das war daneben, sagt ${amal.name}.`;
  await writeTo(amal.page, iryna.name, body);
  const conversation = amal.page.url().replace(/#.*$/, "");

  const report = coordinator.getByRole("listitem").filter({ hasText: body });
  await test.step("Iryna reports the message; the coordinator opens the queue, then Amal deletes it", async () => {
    await iryna.page.goto(conversation);
    await iryna.page
      .getByRole("article")
      .filter({ hasText: body })
      .getByRole("link", { name: t("messages.conversation.report") })
      .click();
    await iryna.page
      .getByRole("textbox", { name: t("messages.conversation.reportReason") })
      .fill("Unfreundlich");
    await iryna.page.getByRole("button", { name: t("messages.conversation.reportSend") }).click();
    await expect(iryna.page.getByRole("status")).toHaveText(t("messages.conversation.reported"));
    await coordinator.goto("/admin/moderation");
    await expect(report.getByRole("button", { name: t("moderation.decision.hide") })).toBeVisible();

    await amal.page.goto(conversation);
    await amal.page
      .getByRole("article")
      .filter({ hasText: body })
      .getByRole("link", { name: t("messages.conversation.delete") })
      .click();
    await amal.page.getByRole("button", { name: t("messages.conversation.deleteConfirm") }).click();
    await expect(amal.page.getByText(t("messages.removed"))).toBeVisible();
  });

  await test.step("hiding it from the queue read before is refused: nothing is changed, the report stays open", async () => {
    await report.getByRole("button", { name: t("moderation.decision.hide") }).click();
    await expect(coordinator.getByRole("main").getByRole("alert")).toHaveText(
      t("moderation.done.decisionRefused"),
    );
    await expect(report.getByRole("button")).toHaveText([t("moderation.decision.dismiss")]);
    await expectNoA11yViolations(coordinator);
  });

  await test.step("the queue says its author deleted it and offers only to close the report", async () => {
    await coordinator.goto("/admin/moderation");
    await expect(report.getByRole("heading", { level: 3 })).toContainText(
      t("moderation.status.authorDeleted"),
    );
    await expect(report.getByText(t("moderation.authorDeletedNote"))).toBeVisible();
    await expect(report.getByRole("button")).toHaveText([t("moderation.decision.dismiss")]);
    await expectNoA11yViolations(coordinator);
  });

  await test.step("closing the report leaves the message deleted", async () => {
    await report.getByRole("button", { name: t("moderation.decision.dismiss") }).click();
    await expect(coordinator.getByRole("status")).toHaveText(t("moderation.done.dismiss"));
    await iryna.page.goto(conversation);
    await expect(iryna.page.getByText(t("messages.removed"))).toBeVisible();
    await expect(iryna.page.getByText(body)).toHaveCount(0);
  });
});

test("a message the coordinator hid through its report says so in the conversation, and the coordinator restores it later", async ({
  coordinator,
  newPage,
}) => {
  const amal = await invitedMember(coordinator, newPage, "Amal");
  const iryna = await invitedMember(coordinator, newPage, "Iryna");
  const body = `Das war so nicht gemeint, sagt ${amal.name}.`;
  await writeTo(amal.page, iryna.name, body);
  const conversation = amal.page.url().replace(/#.*$/, "");
  const reportLink = iryna.page
    .getByRole("article")
    .filter({ hasText: body })
    .getByRole("link", { name: t("messages.conversation.report") });
  const reason = iryna.page.getByRole("textbox", { name: t("messages.conversation.reportReason") });

  await test.step("Iryna reports the message; a second report of it is refused beside the reason", async () => {
    await iryna.page.goto(conversation);
    await reportLink.click();
    await reason.fill("Unfreundlich");
    await iryna.page.getByRole("button", { name: t("messages.conversation.reportSend") }).click();
    await expect(iryna.page.getByRole("status")).toHaveText(t("messages.conversation.reported"));
    await iryna.page.goto(conversation);
    await reportLink.click();
    await reason.fill("Immer noch unfreundlich");
    await iryna.page.getByRole("button", { name: t("messages.conversation.reportSend") }).click();
    await expect(reason).toHaveAccessibleDescription(new RegExp(t("messages.errors.alreadyReported")));
    await expect(reason).toHaveValue("Immer noch unfreundlich");
    await expectNoA11yViolations(iryna.page);
  });

  const reports = coordinator.getByRole("region", { name: /Meldung/ });
  const removed = coordinator.getByRole("region", { name: /entfernte Nachricht/ });
  await test.step("the coordinator hides it; both read that the coordination removed it", async () => {
    await coordinator.goto("/admin/moderation");
    await reports
      .getByRole("listitem")
      .filter({ hasText: body })
      .getByRole("button", { name: t("moderation.decision.hide") })
      .click();
    await expect(coordinator.getByRole("status")).toHaveText(t("moderation.done.hide"));
    for (const page of [iryna.page, amal.page]) {
      await page.goto(conversation);
      await expect(page.getByText(t("messages.removedByCoordination"))).toBeVisible();
      await expect(page.getByText(body)).toHaveCount(0);
    }
    await expectNoA11yViolations(amal.page);
  });

  // A message has no title: the lines name it by its start, as the reporter's does.
  const told = (decision: string) =>
    t("notifications.kinds.moderation", { decision, title: body.slice(0, 60) });
  await test.step("Amal is told, in the notification centre and by mail", async () => {
    await amal.page.goto("/notifications");
    await expect(amal.page.getByText(told("messageRemoved"), { exact: true })).toBeVisible();
    await expect(amal.page.getByRole("link", { name: told("messageRemoved") })).toHaveCount(0);
    await waitForMail(amal.email, { subject: told("messageRemoved"), timeout: MAIL_TIMEOUT });
  });

  await test.step("the queue lists it among the removed messages; the coordinator restores it", async () => {
    const entry = removed.getByRole("listitem").filter({ hasText: body });
    await expect(entry.getByRole("heading", { level: 3 })).toContainText(amal.name);
    await expectNoA11yViolations(coordinator);
    await entry.getByRole("button", { name: t("moderation.decision.restore") }).click();
    await expect(coordinator.getByRole("status")).toHaveText(t("moderation.done.restoreMessage"));
    await expect(removed.getByText(body)).toHaveCount(0);
  });

  await test.step("Iryna and Amal see the message again", async () => {
    for (const page of [iryna.page, amal.page]) {
      await page.goto(conversation);
      await expect(page.getByRole("article").filter({ hasText: body })).toBeVisible();
      await expect(page.getByText(t("messages.removedByCoordination"))).toHaveCount(0);
    }
    // Amal's notification says it is back and leads to it.
    await amal.page.goto("/notifications");
    await amal.page.getByRole("link", { name: told("messageRestored") }).click();
    await expect(amal.page.getByRole("article").filter({ hasText: body })).toBeVisible();
  });
});
