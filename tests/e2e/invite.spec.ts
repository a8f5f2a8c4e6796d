import { AdminSignupsPage } from "./pages/admin-signups-page";
import { expectNoA11yViolations } from "./support/a11y";
import { expect, test, tr, uniqueEmail, uniqueSuffix } from "./support/fixtures";
import { linkIn, waitForMail } from "./support/mailbox";

const t = tr("de");

test("an invited person signs in straight to /home, once per link, and only with their own address", async ({
  coordinator,
  newPage,
}) => {
  const person = { name: `Greta Sommer ${uniqueSuffix()}`, email: uniqueEmail("greta") };
  const admin = new AdminSignupsPage(coordinator);
  await admin.goto();
  await admin.invite(person);
  await expectNoA11yViolations(coordinator);

  const invitation = await waitForMail(person.email, { subject: t("mail.invitation.subject") });
  expect(invitation.text).toContain(t("mail.invitation.body", { inviter: "Katrin Vogel" }));
  const link = linkIn(invitation);

  await test.step("the link with another address in it is refused", async () => {
    const tampered = new URL(link);
    tampered.searchParams.set("email", uniqueEmail("mallory"));
    const page = await newPage();
    await page.goto(tampered.toString());
    await expect(page).toHaveURL(/\/login\/error/);
    await expect(page.getByRole("heading", { level: 1, name: t("loginError.title") })).toBeVisible();
    await expectNoA11yViolations(page);
    await page.goto("/home");
    await expect(page).toHaveURL(/\/login$/);
  });

  await test.step("the link signs the invited person in, already approved", async () => {
    const page = await newPage();
    await page.goto(link);
    await expect(page).toHaveURL(/\/home$/);
    await expect(
      page.getByRole("heading", { level: 1, name: t("home.welcome", { name: person.name }) }),
    ).toBeVisible();
    await expectNoA11yViolations(page);
  });

  await test.step("the same link opened again is refused", async () => {
    const page = await newPage();
    await page.goto(link);
    await expect(page).toHaveURL(/\/login\/error/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(t("loginError.verification"));
    await page.goto("/home");
    await expect(page).toHaveURL(/\/login$/);
  });
});

test("a CSV upload from German Excel (Windows-1252) invites the good rows and reports the bad ones", async ({
  coordinator,
}) => {
  const anna = { name: `Jürgen Müller ${uniqueSuffix()}`, email: uniqueEmail("juergen") };
  const omar = { name: `Omar Haddad ${uniqueSuffix()}`, email: uniqueEmail("omar") };
  const french = uniqueEmail("fs");
  const csv = [
    "Name;E-Mail;Sprache",
    `${anna.name};${anna.email};en`,
    "Ohne Adresse;keine-adresse;de",
    `"${omar.name}";${omar.email};`,
    `Falsche Sprache;${french};fr`,
    `X;${uniqueEmail("x")};de`,
    `Jürgen M.;${anna.email};de`,
  ].join("\r\n");

  const admin = new AdminSignupsPage(coordinator);
  await admin.goto();
  await admin.uploadCsv("einladungen.csv", Buffer.from(csv, "latin1"));

  const section = admin.csvSection();
  await expect(section.getByRole("alert")).toHaveText(t("signups.csvResult", { invited: 2, problems: 4 }));
  await expect(section.getByRole("alert")).toBeFocused();
  const problems = section.getByRole("table", { name: t("signups.csvProblems") });
  await expect(problems.getByRole("row")).toHaveCount(5); // header + the bad lines
  await expect(problems.getByRole("row").nth(1).getByRole("cell")).toHaveText([
    "3",
    "keine-adresse",
    t("errors.invalidEmail"),
  ]);
  await expect(problems.getByRole("row").nth(2).getByRole("cell")).toHaveText([
    "5",
    french,
    t("errors.csvUnknownLanguage"),
  ]);
  await expect(problems.getByRole("row").nth(3).getByRole("cell").nth(2)).toHaveText(
    t("errors.tooShort", { min: 2 }),
  );
  // the same address twice in one file: a duplicate of its first line, not "already a member"
  await expect(problems.getByRole("row").nth(4).getByRole("cell")).toHaveText([
    "7",
    anna.email,
    t("errors.csvDuplicateRow", { line: 2 }),
  ]);
  await expectNoA11yViolations(coordinator);

  const toAnna = await waitForMail(anna.email, { subject: tr("en")("mail.invitation.subject") });
  expect(toAnna.text).toContain(anna.name);
  expect(linkIn(toAnna)).toContain("/api/auth/callback/nodemailer?");
  await waitForMail(omar.email, { subject: t("mail.invitation.subject") });
});
