import { AdminSignupsPage } from "./pages/admin-signups-page";
import { type Applicant, SignupPage } from "./pages/signup-page";
import { expectNoA11yViolations } from "./support/a11y";
import {
  expect,
  type Locale,
  sessionCookie,
  signInAs,
  signOut,
  test,
  tr,
  uniqueEmail,
  uniqueSuffix,
} from "./support/fixtures";
import { linkIn, waitForMail } from "./support/mailbox";

const people: { locale: Locale; applicant: () => Applicant }[] = [
  {
    locale: "de",
    applicant: () => {
      const suffix = uniqueSuffix();
      return {
        name: `Mara Brenner ${suffix}`,
        email: uniqueEmail("mara"),
        organisation: { propose: `Nachbarschaftshilfe Teuchern ${suffix} e. V.` },
        jobFunction: "Ehrenamtliche Patin",
        municipality: "Teuchern",
        topics: ["housing", "volunteering"],
        languages: ["de", "ru"],
      };
    },
  },
  {
    locale: "ar",
    applicant: () => ({
      name: `ليلى الحسن ${uniqueSuffix()}`,
      email: uniqueEmail("layla"),
      // a typo of an existing organisation: the form asks, and the existing one is picked instead
      organisation: { propose: "Volkshochschule Burgenlandkries", pick: "Volkshochschule Burgenlandkreis" },
      jobFunction: "Sprachmittlerin",
      municipality: "Weißenfels",
      topics: ["language", "women"],
      languages: ["ar", "de"],
    }),
  },
];

for (const { locale, applicant: makeApplicant } of people) {
  test(`a visitor applies in "${locale}", confirms, is approved and signs in`, async ({
    page,
    coordinator,
    newPage,
  }) => {
    const applicant = makeApplicant();
    const t = tr(locale);
    const html = page.locator("html");

    await page.goto("/");
    await expectNoA11yViolations(page);
    if (locale === "ar") {
      await page.getByRole("link", { name: "العربية" }).click();
      await expect(html).toHaveAttribute("lang", "ar");
      await expect(html).toHaveAttribute("dir", "rtl");
      await expectNoA11yViolations(page);
    }

    await test.step("applies at /signup and is asked to check the mailbox", async () => {
      await page
        .getByRole("navigation", { name: t("shell.mainNav") })
        .getByRole("link", { name: t("shell.navSignup") })
        .click();
      const signup = new SignupPage(page, locale);
      await expect(page.getByRole("heading", { level: 1, name: t("signup.title") })).toBeVisible();
      await expectNoA11yViolations(page);
      await signup.fill(applicant);
      if ("pick" in applicant.organisation && applicant.organisation.pick) {
        await signup.submit();
        await expect(signup.field("organisation")).toHaveValue(applicant.organisation.propose);
        // in the Arabic layout the German name runs left to right from the left, as typed
        await expect(signup.field("organisation")).toHaveCSS("unicode-bidi", "plaintext");
        await expectNoA11yViolations(page);
        await signup.pickSimilar(applicant.organisation.pick);
      } else await signup.submitNew();
      await expect(page.getByRole("heading", { level: 1, name: t("checkEmail.title") })).toBeVisible();
      await expect(page.getByRole("status")).toHaveText(t("checkEmail.confirmBody"));
      await expectNoA11yViolations(page);
    });

    await test.step("confirms the address with the link from the mail", async () => {
      const confirmation = await waitForMail(applicant.email, { subject: t("mail.confirm.subject") });
      await page.goto(linkIn(confirmation));
      await expect(page).toHaveURL(/\/application$/);
      await expect(page.getByText(t("application.waiting"))).toBeVisible();
      await expectNoA11yViolations(page);
    });

    await test.step("sees nothing members-only while waiting", async () => {
      await page.goto("/home");
      await expect(page).toHaveURL(/\/application$/);
      await expect(page.getByRole("heading", { name: t("home.newestMembers") })).toHaveCount(0);
      const nav = page.getByRole("navigation", { name: t("shell.mainNav") });
      await expect(nav.getByRole("link", { name: t("shell.navHome"), exact: true })).toHaveCount(0);
      await expect(nav.getByRole("link", { name: t("shell.navSignups") })).toHaveCount(0);
      // the directory says they will see more once approved, not "sign in"
      await page.goto("/members");
      const note = page.getByRole("note");
      await expect(note).toContainText(t("members.applicantNote"));
      await expect(note.getByRole("link", { name: t("members.applicantLink") })).toHaveAttribute(
        "href",
        "/application",
      );
      await expect(note.getByRole("link", { name: t("members.visitorLogin") })).toHaveCount(0);
      // so do the forum and a public thread, where replying waits for the approval
      await page.goto("/forum");
      const forumNote = page.getByRole("note");
      await expect(forumNote).toContainText(t("forum.applicantNote"));
      await expect(forumNote.getByRole("link", { name: t("forum.applicantLink") })).toHaveAttribute(
        "href",
        "/application",
      );
      await page.goto("/forum/c/willkommen");
      await page.locator('main a[href^="/forum/t/"]').first().click();
      const replyNote = page.getByText(t("forum.applicantToReply"));
      await expect(replyNote).toBeVisible();
      await expect(replyNote.getByRole("link", { name: t("forum.applicantLink") })).toHaveAttribute(
        "href",
        "/application",
      );
      await expect(page.getByRole("link", { name: t("forum.visitorLogin") })).toHaveCount(0);
      await expectNoA11yViolations(page);
      await signOut(page);
    });

    const approvedAt = Date.now();
    await test.step("the coordinator finds the card and approves", async () => {
      const admin = new AdminSignupsPage(coordinator);
      const card = await admin.gotoCard(applicant.name);
      await expect(card).toContainText(applicant.email);
      const organisation = applicant.organisation;
      if ("pick" in organisation && organisation.pick) await expect(card).toContainText(organisation.pick);
      else if ("propose" in organisation) {
        await expect(card).toContainText(admin.t("signups.proposed", { name: organisation.propose }));
      }
      await expectNoA11yViolations(coordinator);
      await admin.approveButton(applicant.name).click();
      await expect(card.getByRole("status")).toHaveText(admin.t("signups.approvedDone"));
      await admin.expectNotQueued(applicant.name);
    });

    await test.step("gets the approval mail in the language of the application", async () => {
      const approval = await waitForMail(applicant.email, {
        subject: t("mail.approved.subject"),
        since: approvedAt,
      });
      expect(approval.text).toContain(t("mail.approved.body"));
      expect(approval.html).toContain(`lang="${locale}"`);
      if (locale !== "de") expect(approval.subject).not.toBe(tr("de")("mail.approved.subject"));
    });

    await test.step("signs in and is welcomed on /home", async () => {
      await signInAs(page, applicant.email);
      await expect(page).toHaveURL(/\/home$/);
      await expect(
        page.getByRole("heading", { level: 1, name: t("home.welcome", { name: applicant.name }) }),
      ).toBeVisible();
      await expectNoA11yViolations(page);
    });

    await test.step("after signing out the old session cookie is worthless", async () => {
      const cookie = await sessionCookie(page.context());
      await signOut(page);
      const elsewhere = await newPage();
      await elsewhere.context().addCookies([cookie]);
      await elsewhere.goto("/home");
      await expect(elsewhere).toHaveURL(/\/login$/);
    });
  });
}

test("a sign-up whose address is not confirmed yet is listed for coordinators, and joins the queue once confirmed", async ({
  page,
  coordinator,
}) => {
  const t = tr("de");
  const applicant: Applicant = {
    name: `Ilona Bauer ${uniqueSuffix()}`,
    email: uniqueEmail("ilona"),
    organisation: { propose: `Elterninitiative ${uniqueSuffix()}` },
    jobFunction: "Elternbegleiterin",
    municipality: "Zeitz",
    topics: ["children_family"],
    languages: ["de"],
  };
  const signup = new SignupPage(page);
  await signup.goto();
  await signup.fill(applicant);
  await signup.submitNew();
  await expect(page.getByRole("heading", { level: 1, name: t("checkEmail.title") })).toBeVisible();

  const admin = new AdminSignupsPage(coordinator);
  await admin.goto();
  const unconfirmed = coordinator.getByRole("region", { name: /^E-Mail noch nicht bestätigt/ });
  // newest first: a sign-up of a minute ago is on the first page, however many older ones wait
  await expect(unconfirmed.getByRole("listitem").filter({ hasText: applicant.email })).toContainText(
    applicant.name,
  );
  await expectNoA11yViolations(coordinator);

  const mail = await waitForMail(applicant.email, { subject: t("mail.confirm.subject") });
  await page.goto(linkIn(mail));
  await expect(page.getByText(t("application.waiting"))).toBeVisible();
  await admin.gotoCard(applicant.name);
  await expect(unconfirmed.getByText(applicant.email)).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an applicant types a network organisation as suggested, in their own case; it is that organisation, not a proposal", async ({
    page,
    coordinator,
  }) => {
    const organisation = "Volkshochschule Burgenlandkreis";
    const signup = new SignupPage(page);
    await signup.goto();
    // the field suggests the network's organisations, listed once in the page rather than as a drop-down
    expect(await signup.suggestedOrganisations()).toContain(organisation);
    const applicant: Applicant = {
      name: `Jonas Weber ${uniqueSuffix()}`,
      email: uniqueEmail("jonas"),
      organisation: { existing: `  ${organisation.toLowerCase()}` },
      jobFunction: "Kursleiter",
      municipality: "Zeitz",
      topics: ["language"],
      languages: ["de", "uk"],
    };
    // not asked whether the organisation exists already: it was recognised
    expect(await signup.applyAndConfirm(applicant)).toBe(false);

    const admin = new AdminSignupsPage(coordinator);
    const card = await admin.gotoCard(applicant.name);
    await expect(card.getByRole("definition").filter({ hasText: organisation })).toHaveText(organisation);
  });
});
