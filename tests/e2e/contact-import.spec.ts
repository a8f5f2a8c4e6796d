import type { Page } from "@playwright/test";
import { MB, SERVER_ACTION_BODY_LIMIT_MB } from "../../lib/forms/file-limits";
import { expectNoA11yViolations } from "./support/a11y";
import { expect, invitedMember, test } from "./support/admin-fixtures";
import {
  COORDINATOR,
  COORDINATOR_STATE,
  escapeRegExp,
  tr,
  uniqueEmail,
  uniqueSuffix,
  waitForHydration,
} from "./support/fixtures";

const t = tr("de");
const translate = t as unknown as (key: string, values?: Record<string, string | number>) => string;
const c = (key: string, values?: Record<string, string | number>) =>
  translate(`campaignContacts.${key}`, values);

/** A German Excel export: semicolons, CRLF, a BOM; a few bad rows first, then `extra` good ones. */
function contactList(extra: number) {
  const suffix = uniqueSuffix().toLowerCase();
  const anna = { name: `Anna Import ${suffix}`, email: uniqueEmail("import-anna") };
  const rows = [
    "Name;E-Mail;Sprache",
    `${anna.name};${anna.email};en`,
    "Kaputt;keine-adresse;de",
    `Doppelt;${anna.email};de`,
    `Koordination;${COORDINATOR};de`,
    ...Array.from({ length: extra }, (_, i) => `Person ${i};p${i}-${suffix}@e2e.example.org;de`),
  ];
  return { anna, total: rows.length - 1, buffer: Buffer.from(`\uFEFF${rows.join("\r\n")}\r\n`, "utf8") };
}

/** Uploads a list on the contacts page and waits for its preview. */
async function uploadList(page: Page, list: ReturnType<typeof contactList>) {
  await page.goto("/admin/campaigns/contacts");
  await page
    .getByLabel(new RegExp(`^${c("form.file")}`))
    .setInputFiles({ name: "kontakte.csv", mimeType: "text/csv", buffer: list.buffer });
  await page.getByLabel(c("form.legalBasis")).selectOption("consent");
  await page.getByLabel(c("form.legalNote")).fill("Anmeldeliste Fachtag Integration, 12. März");
  await page.getByRole("button", { name: c("form.submit") }).click();
  // The preview reads and checks every row first: for 50,000 rows 1.1 s on a quiet machine, and
  // more than 10 s once in CI beside the other database's run.
  await expect(page).toHaveURL(/\/admin\/campaigns\/imports\/[\w-]+$/, { timeout: 60_000 });
  await expect(
    page.getByRole("heading", { level: 1, name: c("preview.title", { file: "kontakte.csv" }) }),
  ).toBeVisible();
}

test("a coordinator imports contacts from CSV: preview with per-row errors, progress to the end, the contact listed", {
  tag: "@network-wide", // its 50,000 contacts would join every campaign the other specs send to all contacts
}, async ({ coordinator }) => {
  await coordinator.goto("/admin/campaigns/contacts");
  await expect(coordinator.getByRole("heading", { level: 1, name: c("title") })).toBeVisible();
  await expectNoA11yViolations(coordinator);

  // Nothing chosen: the reasons stand beside the fields.
  await coordinator.getByRole("button", { name: c("form.submit") }).click();
  await expect(coordinator.getByText(c("errors.fileRequired"))).toBeVisible();
  await expect(coordinator.getByText(c("errors.required")).first()).toBeVisible();
  await expect(coordinator.getByLabel(new RegExp(`^${c("form.file")}`))).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expectNoA11yViolations(coordinator);

  // As many rows as a file may have (MAX_IMPORT_ROWS), so the job is still running when the page
  // shows it: on a quiet machine 20,000 rows were once done before the page had rendered.
  const list = contactList(50_000 - 4);
  await uploadList(coordinator, list);
  const sample = coordinator.getByRole("table", { name: c("preview.sampleTitle", { count: 10 }) });
  await expect(sample.getByRole("row")).toHaveCount(11); // header + the first ten rows
  await expect(sample.getByRole("row").nth(1)).toContainText(list.anna.email);
  await expect(sample.getByRole("row").nth(1)).toContainText(c("languages.en"));
  await expect(sample.getByRole("row").nth(1)).toContainText(c("preview.ok"));
  const problems = coordinator.getByRole("table", { name: c("errorsTable.previewTitle") });
  await expect(problems.getByRole("row")).toHaveCount(4);
  await expect(problems.getByRole("row").nth(1)).toContainText(`3keine-adresse${c("reasons.invalidEmail")}`);
  await expect(problems.getByRole("row").nth(2)).toContainText(c("reasons.duplicateInFile"));
  await expect(problems.getByRole("row").nth(3)).toContainText(c("reasons.member"));
  await expect(coordinator.getByText(c("preview.willImport", { count: list.total - 3 }))).toBeVisible();
  await expectNoA11yViolations(coordinator);

  // The bar follows the job without a reload (the server answers while it imports), and the page
  // shows the results when it is done.
  const midway = coordinator.waitForResponse(async (r) => {
    if (!r.url().includes("/api/admin/contact-imports/") || r.status() !== 200) return false;
    const { status, processed } = (await r.json()) as { status: string; processed: number };
    return status === "running" && processed > 0 && processed < list.total;
  });
  await coordinator.getByRole("button", { name: c("preview.start") }).click();
  await expect(coordinator.getByRole("heading", { level: 2, name: c("progress.title") })).toBeVisible();
  const bar = coordinator.getByRole("progressbar", { name: c("progress.label") });
  await expect(bar).toBeVisible();
  await midway;
  await expect(
    coordinator.getByText(c("done.summary", { imported: list.total - 3, skipped: 3 })),
  ).toBeVisible({
    timeout: 60_000,
  });
  await expect(bar).toHaveAttribute("value", String(list.total));
  await expect(bar).toHaveAttribute("max", String(list.total));
  await expect(
    coordinator.getByText(c("progress.text", { processed: list.total, total: list.total, percent: 100 })),
  ).toBeVisible();
  await expect(
    coordinator.getByRole("table", { name: c("errorsTable.doneTitle") }).getByRole("row"),
  ).toHaveCount(4);
  await expectNoA11yViolations(coordinator);

  await coordinator.getByRole("link", { name: c("done.toContacts"), exact: true }).click();
  await coordinator.getByRole("searchbox", { name: c("list.search") }).fill(list.anna.email);
  await coordinator.getByRole("button", { name: c("list.searchButton") }).click();
  await expect(
    coordinator.getByRole("heading", { level: 2, name: c("list.searchTitle", { query: list.anna.email }) }),
  ).toBeVisible();
  const row = coordinator.getByRole("row").filter({ hasText: list.anna.email });
  await expect(row).toContainText(list.anna.name);
  await expect(row).toContainText(c("status.confirmed"));
  await expect(row).toContainText(c("list.sourceImport", { basis: c("legalBasesShort.consent") }));
  await expect(coordinator.getByRole("row").filter({ hasText: "keine-adresse" })).toHaveCount(0);
  await expectNoA11yViolations(coordinator);

  // Someone asks by phone to be removed: a confirmation step, then the contact is gone and blocked.
  await row.getByRole("link", { name: c("list.remove") }).click();
  await expect(coordinator.getByText(c("remove.text", { email: list.anna.email }))).toBeVisible();
  await expectNoA11yViolations(coordinator);
  await coordinator.getByRole("button", { name: c("remove.confirm") }).click();
  await expect(coordinator.getByText(c("removed"))).toBeVisible();
  await coordinator.getByRole("searchbox", { name: c("list.search") }).fill(list.anna.email);
  await coordinator.getByRole("button", { name: c("list.searchButton") }).click();
  await expect(coordinator.getByText(c("list.noMatches", { query: list.anna.email }))).toBeVisible();

  // The audit log still names her by her address, marked deleted, and finds her by her name.
  await coordinator.goto("/admin/audit");
  await coordinator.getByRole("textbox", { name: t("admin.audit.target") }).fill(list.anna.name);
  await coordinator.getByRole("button", { name: t("admin.audit.filter") }).click();
  const removed = coordinator
    .getByRole("table", { name: t("admin.audit.title") })
    .getByRole("row")
    .filter({ hasText: t("admin.audit.actions.contacts.removed") });
  await expect(removed).toHaveCount(1);
  await expect(removed.getByRole("cell").nth(3)).toHaveText(
    t("admin.audit.deletedName", { name: list.anna.email.toLowerCase() }),
  );
  await expect(removed).toContainText(`${t("admin.audit.fields.name")}: ${list.anna.name}`);
  await expectNoA11yViolations(coordinator);
});

test("without JavaScript the import runs and its page refreshes itself; a member gets “not found”", {
  tag: "@network-wide", // its 1,200 contacts would slow every campaign the other specs send to all contacts
}, async ({ coordinator, newPage }) => {
  const plain = await newPage({ storageState: COORDINATOR_STATE, javaScriptEnabled: false });
  const list = contactList(1200);
  await uploadList(plain, list);
  await expect(
    plain.getByRole("table", { name: c("errorsTable.previewTitle") }).getByRole("row"),
  ).toHaveCount(4);
  const importPath = new URL(plain.url()).pathname;
  const id = importPath.split("/").at(-1)!;

  const member = await invitedMember(coordinator, newPage, "Importverbot");
  for (const path of ["/admin/campaigns/contacts", importPath]) {
    const response = await member.page.goto(path);
    expect(response?.status(), path).toBe(404);
    expect(await response?.text(), path).not.toContain("kontakte.csv");
  }
  const api = await member.page.request.get(`/api/admin/contact-imports/${id}`);
  expect(api.status()).toBe(404);
  expect(await api.text()).not.toContain("preview");

  await plain.getByRole("button", { name: c("preview.start") }).click();
  await expect(plain.getByText(c("done.summary", { imported: list.total - 3, skipped: 3 }))).toBeVisible({
    timeout: 30_000,
  });
  const coordinatorApi = await plain.request.get(`/api/admin/contact-imports/${id}`);
  expect(await coordinatorApi.json()).toMatchObject({ status: "done", processed: list.total, percent: 100 });
});

test("a coordinator discards an uploaded list: nothing is imported", async ({ coordinator }) => {
  const list = contactList(3);
  await uploadList(coordinator, list);
  await coordinator.getByRole("button", { name: c("preview.discard") }).click();
  await expect(coordinator.getByText(c("discarded"))).toBeVisible();
  await coordinator.getByRole("searchbox", { name: c("list.search") }).fill(list.anna.email);
  await coordinator.getByRole("button", { name: c("list.searchButton") }).click();
  await expect(
    coordinator.getByRole("heading", { level: 2, name: c("list.searchTitle", { query: list.anna.email }) }),
  ).toBeVisible();
  await expect(coordinator.getByRole("row").filter({ hasText: list.anna.email })).toHaveCount(0);
  await expectNoA11yViolations(coordinator);
});

/**
 * A list larger than any request a server action takes (next.config.ts): sent, Next.js would answer
 * with an error page and everything typed would be lost.
 */
const oversizedList = () => ({
  name: "alle-kontakte.csv",
  mimeType: "text/csv",
  buffer: Buffer.concat([
    Buffer.from("Name;E-Mail\r\n"),
    Buffer.alloc((SERVER_ACTION_BODY_LIMIT_MB + 1) * MB, 0x61),
  ]),
});

const describedBy = (message: string) => new RegExp(escapeRegExp(message));

test("a list over the limit is refused beside the field as it is chosen, keeping the legal basis and the typed note; after another refusal the list is asked for again, also without JavaScript", async ({
  coordinator,
  newPage,
}) => {
  await coordinator.goto("/admin/campaigns/contacts");
  const file = coordinator.getByLabel(new RegExp(`^${c("form.file")}`));
  const basis = coordinator.getByLabel(c("form.legalBasis"));
  const note = coordinator.getByLabel(c("form.legalNote"));
  const typed = `Anmeldeliste Sommerfest ${uniqueSuffix()}`;
  await waitForHydration(file);
  await basis.selectOption("consent");
  await note.fill(typed);
  await file.setInputFiles(oversizedList());
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await expect(file).toHaveAccessibleDescription(describedBy(c("errors.fileTooLarge")));
  expect(await file.evaluate((input: HTMLInputElement) => input.files?.length)).toBe(0);
  await expectNoA11yViolations(coordinator);

  // Sending anyway sends nothing (it would only say "choose a file"): the reason stays, focus on the field.
  const posts: string[] = [];
  coordinator.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await coordinator.getByRole("button", { name: c("form.submit") }).click();
  await coordinator.waitForLoadState("networkidle");
  expect(posts).toEqual([]);
  await expect(file).toBeFocused();
  await expect(file).toHaveAccessibleDescription(describedBy(c("errors.fileTooLarge")));
  await expect(note).toHaveValue(typed);
  await expect(basis).toHaveValue("consent");

  // A good list without its note: refused on the server, and the list is to be chosen again.
  const list = contactList(1);
  await file.setInputFiles({ name: "kontakte.csv", mimeType: "text/csv", buffer: list.buffer });
  await note.fill("");
  await coordinator.getByRole("button", { name: c("form.submit") }).click();
  await expect(file).toHaveAccessibleDescription(describedBy(t("errors.chooseFilesAgain", { count: 1 })));
  await expectNoA11yViolations(coordinator);

  const plain = await newPage({ storageState: COORDINATOR_STATE, javaScriptEnabled: false });
  await plain.goto("/admin/campaigns/contacts");
  await plain
    .getByLabel(new RegExp(`^${c("form.file")}`))
    .setInputFiles({ name: "kontakte.csv", mimeType: "text/csv", buffer: list.buffer });
  await plain.getByLabel(c("form.legalBasis")).selectOption("consent");
  await plain.getByRole("button", { name: c("form.submit") }).click();
  await expect(plain.getByLabel(new RegExp(`^${c("form.file")}`))).toHaveAccessibleDescription(
    describedBy(t("errors.chooseFilesAgain", { count: 1 })),
  );
});
