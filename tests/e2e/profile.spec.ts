import type { Page } from "@playwright/test";
import sharp from "sharp";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads";
import { expectNoA11yViolations } from "./support/a11y";
import { invitedMember } from "./support/admin-fixtures";
import { escapeRegExp, expect, test, tr } from "./support/fixtures";
import { expectInert, recordDialogs } from "./support/xss";

const t = tr("de");

/** /settings/profile as the member sees it (German). */
class ProfileSettingsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/settings/profile");
    await expect(this.page.getByRole("heading", { level: 1, name: t("profile.title") })).toBeVisible();
  }

  field(label: Parameters<typeof t>[0]) {
    return this.page.getByRole("textbox", { name: t(label), exact: true });
  }

  /** The "Sichtbar für" select beside a field, named after that field for screen readers. */
  visibility(fieldLabel: Parameters<typeof t>[0]) {
    return this.page.getByRole("combobox", { name: t("profile.visibleToField", { field: t(fieldLabel) }) });
  }

  checkbox(group: Parameters<typeof t>[0], label: string) {
    return this.page
      .getByRole("group", { name: t(group) })
      .getByRole("checkbox", { name: label, exact: true });
  }

  /** Saves and waits for the server's answer: the "saved" notice of an earlier save shows meanwhile. */
  async save() {
    const answered = this.page.waitForResponse(
      (response) =>
        response.request().method() === "POST" && new URL(response.url()).pathname === "/settings/profile",
    );
    await this.page.getByRole("button", { name: t("profile.save") }).click();
    await answered;
  }

  photo() {
    return this.page.getByRole("img", { name: t("profile.photoAlt") });
  }
}

/** A real photo: 1200×900 PNG, half orange, half teal. */
async function photoPng(): Promise<Buffer> {
  const half = await sharp({ create: { width: 600, height: 900, channels: 3, background: "#e67e22" } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: "#16a085" } })
    .composite([{ input: half, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

test("a member edits their profile, chooses who sees what and uploads a photo", async ({
  coordinator,
  newPage,
}) => {
  const person = await invitedMember(coordinator, newPage, "Mariam Saleh");
  const { page } = person;
  const profile = new ProfileSettingsPage(page);
  await profile.goto();
  await expect(page.getByText(t("profile.noPhoto"))).toBeVisible();
  await expectNoA11yViolations(page);

  await test.step("the details are saved and stay in the form", async () => {
    const bio = "Ich berate zu **Arbeit** und *Ausbildung*.\n\n- Sprechstunde dienstags";
    await profile.field("profile.jobFunction").fill("Integrationslotsin");
    await profile.field("profile.bio").fill(bio);
    await expect(profile.field("profile.bio")).toHaveAccessibleDescription(/Markdown/);
    await profile.checkbox("profile.topics", t("topics.language")).check();
    await profile.checkbox("profile.languages", t("languages.ar")).check();
    await profile.visibility("profile.bio").selectOption({ label: t("profile.visPublic") });
    await profile.visibility("profile.languages").selectOption({ label: t("profile.visHidden") });
    await profile.save();

    await expect(page.getByRole("main").getByRole("status")).toHaveText(t("profile.saved"));
    await expect(profile.field("profile.jobFunction")).toHaveValue("Integrationslotsin");
    await expect(profile.field("profile.bio")).toHaveValue(bio);
    await expect(profile.checkbox("profile.topics", t("topics.language"))).toBeChecked();
    await expect(profile.visibility("profile.bio")).toHaveValue("0");
    await expect(profile.visibility("profile.languages")).toHaveValue("2");
    await expectNoA11yViolations(page);

    // Still there when the page is opened anew.
    await profile.goto();
    await expect(profile.field("profile.bio")).toHaveValue(bio);
    await expect(profile.visibility("profile.languages")).toHaveValue("2");
    await expect(profile.visibility("profile.name").getByRole("option")).toHaveText([
      t("profile.visPublic"),
      t("profile.visMembers"),
    ]);
  });

  await test.step("a wrong web address is explained beside the field, nothing typed is lost", async () => {
    await profile.field("profile.website").fill("beispiel");
    await profile.field("profile.jobFunction").fill("Lotsin");
    await profile.save();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(t("profile.fixErrors", { count: 1 }));
    await expect(profile.field("profile.website")).toHaveAttribute("aria-invalid", "true");
    await expect(profile.field("profile.website")).toHaveAccessibleDescription(
      new RegExp(`^${escapeRegExp(t("errors.invalidUrl"))}`),
    );
    await expect(profile.field("profile.jobFunction")).toHaveValue("Lotsin");
    await expectNoA11yViolations(page);
    await profile.field("profile.website").fill("https://beispiel.de");
    await profile.save();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(t("profile.saved"));
  });

  await test.step("further organisations are typed with suggestions and shown on the profile and their pages", async () => {
    const club = "Brückenbauer Zeitz e. V. – Verein von Migrantinnen und Migranten";
    const school = "Volkshochschule Burgenlandkreis";
    const slot = (number: number) =>
      page.getByRole("combobox", { name: t("profile.furtherOrganisation", { number }), exact: true });
    // The browser suggests the confirmed organisations from one list shared by the three fields.
    const suggestions = page.locator(`datalist#${await slot(1).getAttribute("list")} option`);
    await expect(suggestions.and(page.locator(`[value="${club}"]`))).toHaveCount(1);
    await expect(slot(3)).toHaveAttribute("list", (await slot(1).getAttribute("list"))!);

    // A name no confirmed organisation has: the message stands beside that field, the typing stays.
    await slot(1).fill(club);
    await slot(2).fill("Volkshochschule Burgenlandkreiss");
    await profile.save();
    await expect(slot(2)).toHaveAccessibleDescription(t("errors.unknownOrganisationName"));
    await expect(slot(2)).toHaveValue("Volkshochschule Burgenlandkreiss");
    await expect(slot(1)).toHaveValue(club);

    await slot(2).fill(school.toLowerCase());
    await profile.save();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(t("profile.saved"));
    await profile.goto();
    await expect(slot(1)).toHaveValue(club);
    await expect(slot(2)).toHaveValue(school);
    await expect(slot(3)).toHaveValue("");

    await page.getByRole("link", { name: t("profile.viewProfile") }).click();
    const organisations = page
      .getByRole("definition")
      .filter({ has: page.getByRole("link", { name: club }) });
    await expect(organisations.getByRole("link")).toHaveText([club, school]);
    await organisations.getByRole("link", { name: club }).click();
    await expect(page.getByRole("heading", { level: 1, name: club })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: person.name })).toBeVisible();
    await profile.goto();
  });

  await test.step("a photo is uploaded and shown, to members only", async () => {
    await page.getByLabel(t("profile.photoChoose")).setInputFiles({
      name: "portrait.png",
      mimeType: "image/png",
      buffer: await photoPng(),
    });
    await page.getByRole("button", { name: t("profile.photoUpload") }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toHaveText(t("profile.photoSaved"));
    await expect(profile.photo()).toBeVisible();
    await expect
      .poll(() => profile.photo().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(512);
    await expectNoA11yViolations(page);

    const src = (await profile.photo().getAttribute("src"))!;
    expect(src).toMatch(/^\/api\/uploads\/[0-9a-f-]{36}$/);
    const visitor = await newPage();
    const asVisitor = await visitor.request.get(src);
    expect(asVisitor.status()).toBe(404);
    const asMember = await page.request.get(src);
    expect(asMember.status()).toBe(200);
    expect(asMember.headers()["content-type"]).toBe("image/webp");
  });

  await test.step("a file that is not an image is refused", async () => {
    await page.getByLabel(t("profile.photoChange")).setInputFiles({
      name: "lebenslauf.png",
      mimeType: "image/png",
      buffer: Buffer.from("Das ist kein Bild."),
    });
    await page.getByRole("button", { name: t("profile.photoUpload") }).click();
    await expect(page.getByText(t("errors.imageType"))).toBeVisible();
    await expect(profile.photo()).toBeVisible();
  });

  await test.step("a photo over 5 MB is refused at once, and uploading anyway keeps saying why", async () => {
    await page.getByLabel(t("profile.photoChange")).setInputFiles({
      name: "riesig.png",
      mimeType: "image/png",
      buffer: Buffer.alloc(5 * 1024 * 1024 + 1),
    });
    await expect(page.getByText(t("errors.imageFileTooLarge"))).toBeVisible();
    await page.getByRole("button", { name: t("profile.photoUpload") }).click();
    // nothing may be sent: a request in flight would come back with "choose a photo"
    await page.waitForLoadState("networkidle");
    await expect(page.getByLabel(t("profile.photoChange"))).toBeFocused();
    await expect(page.getByText(t("errors.imageFileTooLarge"))).toBeVisible();
    await expect(page.getByText(t("errors.imageRequired"))).toHaveCount(0);
    await expect(profile.photo()).toBeVisible();
    await expectNoA11yViolations(page);
  });

  await test.step("the photo can be removed", async () => {
    await page.getByRole("button", { name: t("profile.photoRemove") }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toHaveText(t("profile.photoRemoved"));
    await expect(profile.photo()).toHaveCount(0);
    await expect(page.getByText(t("profile.noPhoto"))).toBeVisible();
  });

  await test.step("the form works without JavaScript too", async () => {
    const noJs = new ProfileSettingsPage(
      await newPage({ javaScriptEnabled: false, storageState: await page.context().storageState() }),
    );
    await noJs.goto();
    await noJs.field("profile.jobFunction").fill("Integrationslotsin (Zeitz)");
    await noJs.visibility("profile.jobFunction").selectOption({ label: t("profile.visPublic") });
    await noJs.save();
    await expect(noJs.page.getByRole("main").getByRole("status")).toHaveText(t("profile.saved"));
    await expect(noJs.field("profile.jobFunction")).toHaveValue("Integrationslotsin (Zeitz)");
    await expect(noJs.visibility("profile.jobFunction")).toHaveValue("0");
    await expect(noJs.field("profile.bio")).toHaveValue(/Sprechstunde dienstags/);
    // A further organisation typed without the page's scripts: the browser's suggestions need none.
    const third = noJs.page.getByRole("combobox", { name: t("profile.furtherOrganisation", { number: 3 }) });
    await third.fill("Mehrgenerationenhaus Miteinander Hohenmölsen");
    await noJs.save();
    await expect(third).toHaveValue("Mehrgenerationenhaus Miteinander Hohenmölsen");

    await noJs.field("profile.phone").fill("0345 abc");
    await noJs.save();
    await expect(noJs.page.getByRole("main").getByRole("alert")).toHaveText(
      t("profile.fixErrors", { count: 1 }),
    );
    await expect(noJs.page.getByText(t("errors.invalidPhone"))).toBeVisible();
    // (axe needs JavaScript in the page: the same form was checked above, with and without errors)
    await expect(noJs.field("profile.phone")).toHaveValue("0345 abc");
  });
});

test("a public bio with 60 XSS payloads renders inert for its author and for visitors", async ({
  coordinator,
  newPage,
}) => {
  const person = await invitedMember(coordinator, newPage, "Samir Haddad");
  const visitor = await newPage();
  const dialogs = recordDialogs(person.page, visitor);
  const profile = new ProfileSettingsPage(person.page);
  const half = Math.ceil(XSS_PAYLOADS.length / 2);
  // A bio holds at most 2,000 characters: the payloads go in two rounds.
  for (const payloads of [XSS_PAYLOADS.slice(0, half), XSS_PAYLOADS.slice(half)]) {
    await profile.goto();
    await profile.visibility("profile.name").selectOption({ label: t("profile.visPublic") });
    await profile.visibility("profile.bio").selectOption({ label: t("profile.visPublic") });
    await profile.field("profile.bio").fill(payloads.join("\n\n"));
    await profile.save();
    await expect(person.page.getByRole("main").getByRole("status")).toHaveText(t("profile.saved"));
    await person.page.getByRole("link", { name: t("profile.viewProfile") }).click();
    const profileUrl = person.page.url();
    for (const viewer of [person.page, visitor]) {
      if (viewer !== person.page) await viewer.goto(profileUrl);
      await expect(viewer.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
      await expectInert(
        viewer.getByRole("region", { name: new RegExp(`^${escapeRegExp(t("members.profile.bio"))}`) }),
      );
    }
  }
  expect(dialogs).toEqual([]);
});
