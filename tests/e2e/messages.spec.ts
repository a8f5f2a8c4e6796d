import sharp from "sharp";
import { expectNoA11yViolations } from "./support/a11y";
import { invitedMember } from "./support/admin-fixtures";
import { escapeRegExp, expect, test, tr } from "./support/fixtures";
import { waitForMail } from "./support/mailbox";
import { MAIL_TIMEOUT, mainNav, writeTo } from "./support/messages";

const t = tr("de");

test("two members write to each other; the mail links to the conversation", async ({
  coordinator,
  newPage,
}) => {
  test.setTimeout(MAIL_TIMEOUT + 90_000);
  const anna = await invitedMember(coordinator, newPage, "Anna");
  const bernd = await invitedMember(coordinator, newPage, "Bernd");

  const since = Date.now();
  await test.step("Anna starts a conversation from the member search", async () => {
    await writeTo(anna.page, bernd.name, "Hallo Bernd, hast du **Donnerstag** Zeit?");
    await expect(anna.page.getByRole("heading", { level: 1, name: bernd.name })).toBeVisible();
    await expect(anna.page.getByRole("strong")).toHaveText("Donnerstag");
    await expectNoA11yViolations(anna.page);
  });

  await test.step("Bernd sees the unread conversation in the header and the list", async () => {
    await bernd.page.goto("/messages");
    await expect(
      mainNav(bernd.page).getByRole("link", { name: t("messages.navUnread", { count: 1 }) }),
    ).toBeVisible();
    const item = bernd.page.getByRole("list", { name: t("messages.listLabel") }).getByRole("listitem");
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(t("messages.unread", { count: 1 }));
    await expect(item).toContainText("Hallo Bernd, hast du Donnerstag Zeit?");
    await expectNoA11yViolations(bernd.page);
  });

  await test.step("the mail arrives with a link that opens the conversation", async () => {
    const mail = await waitForMail(bernd.email, {
      subject: t("notifications.kinds.message", {
        group: "no",
        count: 1,
        actor: anna.name,
        title: "",
      }),
      since,
      timeout: MAIL_TIMEOUT,
    });
    expect(mail.text).toContain("Hallo Bernd, hast du **Donnerstag** Zeit?");
    const link = mail.text.match(/https?:\/\/\S+\/messages\/[\w-]+#m-[\w-]+/)?.[0];
    expect(link).toBeTruthy();
    await bernd.page.goto(link!);
    await expect(bernd.page.getByRole("heading", { level: 1, name: anna.name })).toBeVisible();
    await expect(bernd.page.getByText("Hallo Bernd, hast du")).toBeVisible();
    // Read now: the badge is gone (the header of the page that marked it read was drawn alongside).
    await bernd.page.goto("/messages");
    await expect(
      mainNav(bernd.page).getByRole("link", { name: t("messages.nav"), exact: true }),
    ).toBeVisible();
    await expect(bernd.page.getByRole("list", { name: t("messages.listLabel") })).not.toContainText(
      t("messages.unread", { count: 1 }),
    );
    await bernd.page.goBack();
  });

  await test.step("the mail's turn-off link works without signing in", async () => {
    const conversation = bernd.page.url();
    const mail = await waitForMail(bernd.email, { since });
    const off = mail.text.match(/https?:\/\/\S+\/notifications\/off\?token=\S+/)?.[0];
    expect(off).toBeTruthy();
    const visitor = await newPage();
    await visitor.goto(off!);
    const kind = t("notifications.kindLabels.message");
    await expect(visitor.getByText(t("notifications.off.confirm", { kind }))).toBeVisible();
    await expectNoA11yViolations(visitor);
    await visitor.getByRole("button", { name: t("notifications.off.button") }).click();
    await expect(visitor.getByRole("status")).toHaveText(t("notifications.off.done", { kind }));
    await bernd.page.goto("/settings/notifications");
    const mode = (name: "immediate" | "off") =>
      bernd.page
        .getByRole("group", { name: kind })
        .getByRole("radio", { name: t(`notifications.settings.modes.${name}`) });
    await expect(mode("off")).toBeChecked();

    // He turns them on again; later his mail program's "unsubscribe" button posts to the address in
    // the mail's List-Unsubscribe header (RFC 8058), without a session, and they are off once more.
    await mode("immediate").check();
    await bernd.page.getByRole("button", { name: t("notifications.settings.save") }).click();
    await expect(bernd.page.getByRole("status")).toHaveText(t("notifications.settings.saved"));
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const oneClick = mail.headers["list-unsubscribe"]?.replace(/^<|>$/g, "");
    expect(oneClick).toMatch(/\/notifications\/unsubscribe\?token=/);
    const answer = await visitor.request.post(oneClick!, { form: { "List-Unsubscribe": "One-Click" } });
    expect(answer.status()).toBe(200);
    await bernd.page.reload();
    await expect(mode("off")).toBeChecked();
    await bernd.page.goto(conversation);
  });

  await test.step("Bernd answers; Anna reads it", async () => {
    await bernd.page.getByRole("textbox", { name: t("messages.compose.body") }).fill("Ja, ab 10 Uhr.");
    await bernd.page.getByRole("button", { name: t("messages.compose.send") }).click();
    await expect(bernd.page.getByText("Ja, ab 10 Uhr.")).toBeVisible();
    await anna.page.reload();
    await expect(anna.page.getByText("Ja, ab 10 Uhr.")).toBeVisible();
    await expect(anna.page.getByText(t("messages.conversation.newDivider"))).toBeVisible();
  });

  await test.step("Anna sends a photo and a PDF; Bernd sees the photo and a link to the file", async () => {
    const body = anna.page.getByRole("textbox", { name: t("messages.compose.body") });
    const attachments = anna.page.getByLabel(t("messages.compose.attachments"), { exact: true });
    const photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: "#2563eb" } })
      .png()
      .toBuffer();
    const pdf = Buffer.from(`%PDF-1.4\n${"% Kursplan\n".repeat(300)}%%EOF\n`);
    const files = [
      { name: "flyer.png", mimeType: "image/png", buffer: photo },
      { name: "kursplan.pdf", mimeType: "application/pdf", buffer: pdf },
    ];
    // Sent with too long a text, the message comes back: the text stays, and so do the files, listed
    // ticked under "Angehängt"; sending again takes them along without choosing them anew.
    await body.fill("x".repeat(10_001));
    await attachments.setInputFiles(files);
    await anna.page.getByRole("button", { name: t("messages.compose.send") }).click();
    await expect(body).toHaveAccessibleDescription(
      new RegExp(escapeRegExp(t("messages.errors.tooLong", { max: 10_000 }))),
    );
    await expect(body).toHaveValue("x".repeat(10_001));
    const attached = anna.page.getByRole("group", { name: t("messages.compose.attached") });
    for (const name of ["flyer.png", "kursplan.pdf"])
      await expect(attached.getByRole("checkbox", { name })).toBeChecked();
    await expect(anna.page.getByText(t("errors.chooseFilesAgain", { count: 2 }))).toHaveCount(0);
    await expectNoA11yViolations(anna.page);
    await body.fill("Hier der Flyer.");
    await anna.page.getByRole("button", { name: t("messages.compose.send") }).click();
    await expect(anna.page.getByText("Hier der Flyer.")).toBeVisible();
    await bernd.page.reload();
    const message = bernd.page.getByRole("article").filter({ hasText: "Hier der Flyer." });
    const image = message.getByRole("img", { name: "flyer", exact: true });
    await expect(image).toBeVisible();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(320);
    const size = t("messages.conversation.fileSize", { size: Math.round(pdf.length / 1024) });
    const file = message.getByRole("link", { name: new RegExp(`kursplan\\.pdf.*${size}`) });
    await expect(file).toBeVisible();
    const download = await bernd.page.request.get((await file.getAttribute("href"))!);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
    // opened in the browser, a file runs nothing: sandboxed, not under the pages' policy
    expect(download.headers()["content-security-policy"]).toMatch(/^default-src 'none';.*\bsandbox$/);
    await expectNoA11yViolations(bernd.page);
  });

  await test.step("an empty message is explained beside the field", async () => {
    await anna.page.getByRole("button", { name: t("messages.compose.send") }).click();
    await expect(
      anna.page.getByRole("textbox", { name: t("messages.compose.body") }),
    ).toHaveAccessibleDescription(
      new RegExp(t("messages.errors.required").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
    );
  });

  await test.step("the notification centre and the mail settings", async () => {
    await anna.page.goto("/notifications");
    await expect(anna.page.getByRole("heading", { level: 1, name: t("notifications.title") })).toBeVisible();
    await expect(
      anna.page.getByRole("link", {
        name: t("notifications.kinds.message", {
          group: "no",
          count: 1,
          actor: bernd.name,
          title: "",
        }),
      }),
    ).toBeVisible();
    await expectNoA11yViolations(anna.page);
    await anna.page.goto("/settings/notifications");
    const group = anna.page.getByRole("group", { name: t("notifications.kindLabels.message") });
    await group.getByRole("radio", { name: t("notifications.settings.modes.digest") }).check();
    await anna.page.getByRole("button", { name: t("notifications.settings.save") }).click();
    await expect(anna.page.getByRole("status")).toHaveText(t("notifications.settings.saved"));
    await anna.page.reload();
    await expect(group.getByRole("radio", { name: t("notifications.settings.modes.digest") })).toBeChecked();
    // the coordinators' reminder of waiting applications is not a member's business
    await expect(
      anna.page.getByRole("group", { name: t("notifications.kindLabels.applications_waiting") }),
    ).toHaveCount(0);
    await expectNoA11yViolations(anna.page);
  });

  await test.step("Bernd deletes a message of his; Anna sees only that there was one", async () => {
    await bernd.page.getByRole("textbox", { name: t("messages.compose.body") }).fill("Falsche Unterhaltung");
    await bernd.page.getByRole("button", { name: t("messages.compose.send") }).click();
    const mine = bernd.page.getByRole("article").filter({ hasText: "Falsche Unterhaltung" });
    const deleteLink = mine.getByRole("link", { name: t("messages.conversation.delete") });
    await anna.page.goto((await deleteLink.getAttribute("href")) ?? "");
    await expect(anna.page.getByRole("heading", { level: 1, name: t("notFound.title") })).toBeVisible();
    await deleteLink.click();
    await expect(bernd.page.getByRole("heading", { level: 1 })).toHaveText(
      t("messages.conversation.deleteTitle"),
    );
    await expectNoA11yViolations(bernd.page);
    await bernd.page.getByRole("button", { name: t("messages.conversation.deleteConfirm") }).click();
    await expect(bernd.page.getByText(t("messages.removed"))).toBeVisible();
    await expect(bernd.page.getByText("Falsche Unterhaltung")).toHaveCount(0);
    await anna.page.goto(bernd.page.url());
    await expect(anna.page.getByText("Falsche Unterhaltung")).toHaveCount(0);
    await expect(anna.page.getByText(t("messages.removed"))).toBeVisible();
    // Removed before she read it: nothing new for her, no "new messages" line above it.
    await expect(anna.page.getByText(t("messages.conversation.newDivider"))).toHaveCount(0);
    await expect(
      anna.page
        .getByRole("article")
        .filter({ hasText: "Ja, ab 10 Uhr." })
        .getByRole("link", {
          name: t("messages.conversation.delete"),
        }),
    ).toHaveCount(0);
  });
});

test("without JavaScript, the file of a new message sent back stays listed and goes with it", async ({
  coordinator,
  newPage,
}) => {
  const carla = await invitedMember(coordinator, newPage, "Carla");
  const dieter = await invitedMember(coordinator, newPage, "Dieter");
  const page = await newPage({
    javaScriptEnabled: false,
    storageState: await carla.page.context().storageState(),
  });
  await page.goto("/messages/new");
  await page.getByRole("searchbox", { name: t("messages.new.search") }).fill(dieter.name);
  await page.getByRole("button", { name: t("messages.new.searchButton") }).click();
  await page.getByRole("link", { name: t("messages.new.add", { name: dieter.name }) }).click();
  const body = page.getByRole("textbox", { name: t("messages.compose.body") });
  await body.fill("y".repeat(10_001));
  const pdf = Buffer.from(`%PDF-1.4\n${"% Aushang\n".repeat(200)}%%EOF\n`);
  await page
    .getByLabel(t("messages.compose.attachments"), { exact: true })
    .setInputFiles({ name: "aushang.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: t("messages.compose.send") }).click();
  await expect(body).toHaveAttribute("aria-invalid", "true");
  const attached = page.getByRole("group", { name: t("messages.compose.attached") });
  await expect(attached.getByRole("checkbox", { name: "aushang.pdf" })).toBeChecked();
  // (axe runs in the page, which scripts are off for here: the same form is checked in the test above.)

  await body.fill("Der Aushang für Freitag.");
  await page.getByRole("button", { name: t("messages.compose.send") }).click();
  await expect(page.getByRole("article").filter({ hasText: "Der Aushang für Freitag." })).toBeVisible();
  await dieter.page.goto(page.url());
  const message = dieter.page.getByRole("article").filter({ hasText: "Der Aushang für Freitag." });
  const file = message.getByRole("link", { name: /aushang\.pdf/ });
  await expect(file).toBeVisible();
  const download = await dieter.page.request.get((await file.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect((await download.body()).equals(pdf)).toBe(true);
  await expectNoA11yViolations(dieter.page);
});

test("a reply with a text file named .pdf and a photo: the refusal names the file, the photo stays attached and goes with it", async ({
  coordinator,
  newPage,
}) => {
  const carla = await invitedMember(coordinator, newPage, "Carla");
  const dieter = await invitedMember(coordinator, newPage, "Dieter");
  const page = carla.page;
  await writeTo(page, dieter.name, "Hallo Dieter");
  const body = page.getByRole("textbox", { name: t("messages.compose.body") });
  await body.fill("Das Foto vom Aushang.");
  const files = page.getByLabel(t("messages.compose.attachments"), { exact: true });
  const photo = await sharp({ create: { width: 120, height: 80, channels: 3, background: "#16a085" } })
    .png()
    .toBuffer();
  await files.setInputFiles([
    { name: "fake.pdf", mimeType: "application/pdf", buffer: Buffer.from("nur Text, kein PDF") },
    { name: "aushang.png", mimeType: "image/png", buffer: photo },
  ]);
  await page.getByRole("button", { name: t("messages.compose.send") }).click();
  // The file name is isolated (FSI … PDI), so it keeps its own direction in an Arabic sentence.
  const [before, after] = t("messages.errors.attachmentNotAccepted", { names: "NAMES", count: 1 }).split(
    "NAMES",
  );
  await expect(files).toHaveAccessibleDescription(
    new RegExp(`${escapeRegExp(before!)}\\u2068?fake\\.pdf\\u2069?${escapeRegExp(after!)}`),
  );
  await expect(body).toHaveValue("Das Foto vom Aushang.");
  const attached = page.getByRole("group", { name: t("messages.compose.attached") });
  await expect(attached.getByRole("checkbox", { name: "aushang.png" })).toBeChecked();
  await expect(attached.getByRole("checkbox")).toHaveCount(1);
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: t("messages.compose.send") }).click();
  // the URL already ended in #m-… after the first message: wait for this one to be sent
  await expect(page.getByRole("article").filter({ hasText: "Das Foto vom Aushang." })).toBeVisible();
  await dieter.page.goto(page.url());
  const message = dieter.page.getByRole("article").filter({ hasText: "Das Foto vom Aushang." });
  await expect(message.getByRole("img", { name: "aushang", exact: true })).toBeVisible();
  await expect(message.getByText("fake.pdf")).toHaveCount(0);
});

test("a blocked member can no longer write, and their messages disappear", async ({
  coordinator,
  newPage,
}) => {
  const clara = await invitedMember(coordinator, newPage, "Clara");
  const dieter = await invitedMember(coordinator, newPage, "Dieter");
  await writeTo(dieter.page, clara.name, "Melde dich mal!");
  // The page is named after the other member, as in the list, followed by the network's name.
  await expect(dieter.page).toHaveTitle(new RegExp(`^${escapeRegExp(clara.name)} · \\S`));
  const conversation = dieter.page.url().replace(/#.*$/, "");

  await clara.page.goto(conversation);
  await expect(clara.page.getByText("Melde dich mal!")).toBeVisible();
  await test.step("Clara reports the message to the moderation queue", async () => {
    await clara.page.getByRole("link", { name: t("messages.conversation.report") }).click();
    await clara.page
      .getByRole("textbox", { name: t("messages.conversation.reportReason") })
      .fill("Aufdringlich");
    await clara.page.getByRole("button", { name: t("messages.conversation.reportSend") }).click();
    await expect(clara.page.getByRole("status")).toHaveText(t("messages.conversation.reported"));
    await expectNoA11yViolations(clara.page);
    await clara.page.getByRole("link", { name: t("messages.conversation.backToConversation") }).click();
  });
  await clara.page.getByText(t("messages.conversation.block", { name: dieter.name })).click();
  await clara.page.getByRole("button", { name: t("messages.conversation.blockConfirm") }).click();
  await expect(
    clara.page.getByText(t("messages.conversation.youBlocked", { name: dieter.name })),
  ).toBeVisible();
  await expect(clara.page.getByText("Melde dich mal!")).toHaveCount(0);
  await expectNoA11yViolations(clara.page);

  await dieter.page.goto(conversation);
  await expect(dieter.page.getByText(t("messages.conversation.cannotWrite"))).toBeVisible();
  await expect(dieter.page.getByRole("textbox", { name: t("messages.compose.body") })).toHaveCount(0);

  await test.step("nor can they start a new conversation", async () => {
    await dieter.page.goto("/messages/new");
    await dieter.page.getByRole("searchbox", { name: t("messages.new.search") }).fill(clara.name);
    await dieter.page.getByRole("button", { name: t("messages.new.searchButton") }).click();
    await dieter.page.getByRole("link", { name: t("messages.new.add", { name: clara.name }) }).click();
    await dieter.page.getByRole("textbox", { name: t("messages.new.groupTitle") }).fill("Neuer Versuch");
    await dieter.page.getByRole("textbox", { name: t("messages.compose.body") }).fill("Hallo?");
    await dieter.page.getByRole("button", { name: t("messages.compose.send") }).click();
    await expect(dieter.page.getByRole("main").getByRole("alert")).toHaveText(
      t("messages.errors.recipientUnavailable"),
    );
  });

  await test.step("others do not even learn the conversation exists", async () => {
    const response = await coordinator.goto(conversation);
    expect(response?.status()).toBe(404);
    await expect(coordinator).toHaveTitle(/\S/);
    await expect(coordinator).not.toHaveTitle(new RegExp(escapeRegExp(clara.name)));
  });

  await test.step("unblocking shows the messages again", async () => {
    await clara.page.goto("/messages/blocked");
    const unblock = clara.page.getByRole("button", {
      name: t("messages.blocked.unblock", { name: dieter.name }),
    });
    await unblock.click();
    // Leaving before the answer could cancel the unblocking: wait until Dieter is off the list.
    await expect(unblock).toHaveCount(0);
    await clara.page.goto(conversation);
    await expect(clara.page.getByText("Melde dich mal!")).toBeVisible();
  });
});

test("a member leaves a group; the others see the note and write on without them", async ({
  coordinator,
  newPage,
}) => {
  const emil = await invitedMember(coordinator, newPage, "Emil");
  const frieda = await invitedMember(coordinator, newPage, "Frieda");
  const gustav = await invitedMember(coordinator, newPage, "Gustav");

  await test.step("Emil starts a group with Frieda and Gustav", async () => {
    await emil.page.goto("/messages/new");
    for (const name of [frieda.name, gustav.name]) {
      await emil.page.getByRole("searchbox", { name: t("messages.new.search") }).fill(name);
      await emil.page.getByRole("button", { name: t("messages.new.searchButton") }).click();
      // Names and organisations keep their own direction in an Arabic page (bidi isolation).
      await expect(emil.page.locator("bdi", { hasText: name }).first()).toBeVisible();
      await emil.page.getByRole("link", { name: t("messages.new.add", { name }) }).click();
      await expect(emil.page.getByRole("link", { name: t("messages.new.remove", { name }) })).toBeVisible();
    }
    await emil.page.getByRole("textbox", { name: t("messages.new.groupTitle") }).fill("AK Wohnen");
    await emil.page.getByRole("textbox", { name: t("messages.compose.body") }).fill("Treffen am Montag?");
    await emil.page.getByRole("button", { name: t("messages.compose.send") }).click();
    await expect(emil.page).toHaveURL(/\/messages\/[\w-]+#m-/);
    await expect(emil.page.getByRole("heading", { level: 1, name: "AK Wohnen" })).toBeVisible();
    await expect(emil.page).toHaveTitle(/^AK Wohnen · \S/);
  });
  const conversation = emil.page.url().replace(/#.*$/, "");

  await test.step("Frieda leaves the group and no longer sees it", async () => {
    await frieda.page.goto(conversation);
    await expect(frieda.page.getByText("Treffen am Montag?")).toBeVisible();
    await frieda.page.getByText(t("messages.conversation.leave"), { exact: true }).click();
    await expect(frieda.page.getByText(t("messages.conversation.leaveExplain"))).toBeVisible();
    await expectNoA11yViolations(frieda.page);
    await frieda.page.getByRole("button", { name: t("messages.conversation.leaveConfirm") }).click();
    await expect(frieda.page).toHaveURL(/\/messages$/);
    await expect(frieda.page.getByRole("link", { name: /AK Wohnen/ })).toHaveCount(0);
    const response = await frieda.page.goto(conversation);
    expect(response?.status()).toBe(404);
    await expect(frieda.page).toHaveTitle(/\S/);
    await expect(frieda.page).not.toHaveTitle(/AK Wohnen/);
  });

  await test.step("Gustav sees that Frieda left, and his answer reaches Emil", async () => {
    await gustav.page.goto("/messages");
    await gustav.page.getByRole("link", { name: /AK Wohnen/ }).click();
    await expect(gustav.page).toHaveURL(conversation);
    await expect(gustav.page.getByText(t("messages.leftNote", { name: frieda.name }))).toBeVisible();
    await gustav.page.getByRole("textbox", { name: t("messages.compose.body") }).fill("Montag passt.");
    await gustav.page.getByRole("button", { name: t("messages.compose.send") }).click();
    await expect(gustav.page.getByText("Montag passt.")).toBeVisible();
    await expectNoA11yViolations(gustav.page);
    await emil.page.goto(conversation);
    await expect(emil.page.getByText("Montag passt.")).toBeVisible();
    await expect(emil.page.getByText(t("messages.leftNote", { name: frieda.name }))).toBeVisible();
  });
});

test("a coordinator chooses how the reminder of waiting applications arrives", async ({ coordinator }) => {
  await coordinator.goto("/settings/notifications");
  const reminder = coordinator.getByRole("group", {
    name: t("notifications.kindLabels.applications_waiting"),
  });
  await expect(
    reminder.getByRole("radio", { name: t("notifications.settings.modes.immediate") }),
  ).toBeChecked();
  await reminder.getByRole("radio", { name: t("notifications.settings.modes.digest") }).check();
  await coordinator.getByRole("button", { name: t("notifications.settings.save") }).click();
  await expect(coordinator.getByRole("status")).toHaveText(t("notifications.settings.saved"));
  await coordinator.reload();
  await expect(reminder.getByRole("radio", { name: t("notifications.settings.modes.digest") })).toBeChecked();
  await reminder.getByRole("radio", { name: t("notifications.settings.modes.immediate") }).check();
  await coordinator.getByRole("button", { name: t("notifications.settings.save") }).click();
  await expect(coordinator.getByRole("status")).toHaveText(t("notifications.settings.saved"));
});
