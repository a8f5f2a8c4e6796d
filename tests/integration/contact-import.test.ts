import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as progressRoute } from "@/app/api/admin/contact-imports/[id]/route";
import { getDb } from "@/db/client";
import { contactImports, newsletterContacts, suppressions } from "@/db/schema";
import { IMPORT_CHUNK } from "@/lib/campaigns/import";
import { getImportProgress, getImportView, listContacts } from "@/lib/campaigns/import-data";
import { runContactImport } from "@/lib/campaigns/import-jobs";
import {
  createContactImport,
  discardContactImport,
  IMPORT_JOB,
  importNextChunk,
  loadImportRows,
  startContactImport,
} from "@/lib/campaigns/import-mutations";
import { IDLE } from "@/lib/forms/state";
import { jobStates } from "@/lib/jobs/testing";
import { createSession, createUser } from "../support/factories";
import { form } from "../support/forms";
import { signInWith } from "../support/next-headers";

let coordinatorId: string;
let memberEmail: string;
let memberId: string;

beforeAll(async () => {
  coordinatorId = (await createUser({ role: "coordinator" })).id;
  const member = await createUser();
  memberId = member.id;
  memberEmail = member.email;
});

/** Addresses unique to one test (files share one PostgreSQL database). */
const addressesFor = () => {
  const tag = crypto.randomUUID().slice(0, 8);
  return (name: string) => `${name}-${tag}@import.test.example`;
};

async function contactsByEmail(emails: string[]) {
  const db = await getDb();
  const rows = await db.select().from(newsletterContacts).where(inArray(newsletterContacts.email, emails));
  return new Map(rows.map((r) => [r.email, r]));
}

const upload = (csv: string, legalNote = "Anmeldeliste Fachtag, 12. März") =>
  createContactImport({
    actorId: coordinatorId,
    filename: "kontakte.csv",
    csv,
    legalBasis: "consent",
    legalNote,
  });

/** A file whose rows cover every verdict; returns the addresses by role. */
async function mixedFile() {
  const a = addressesFor();
  const db = await getDb();
  const known = a("bekannt");
  const waiting = a("wartet");
  const gone = a("abgemeldet");
  await db.insert(newsletterContacts).values([
    { email: known, name: "Bekannt", status: "confirmed", legalBasis: "consent", confirmedAt: new Date() },
    { email: waiting, name: "Wartet", status: "pending", legalBasis: "consent" },
  ]);
  await db.insert(suppressions).values({ email: gone, reason: "unsubscribed" });
  const csv = [
    "Name;E-Mail;Sprache",
    `Anna Neu;${a("anna").toUpperCase()};en`,
    "Kaputt;keine-adresse;de",
    `Omar;${a("omar")};ar`,
    `Doppelt;${a("anna")};de`,
    `Mitglied;${memberEmail};de`,
    `Abgemeldet;${gone};de`,
    `Bekannt;${known};uk`,
    `Wartet;${waiting};de`,
    `Französin;${a("marie")};fr`,
    `Olena;${a("olena")};uk`,
    `Elf;${a("elf")};`,
  ].join("\r\n");
  return { a, csv, known, waiting, gone };
}

describe("contact import: upload and preview", () => {
  it("shows the first ten rows and every row that would be left out, and imports nothing yet", async () => {
    const { a, csv, gone, known, waiting } = await mixedFile();
    const { id } = await upload(csv);
    const view = await getImportView(id);
    expect(view).toMatchObject({ status: "preview", total: 11, importable: 5, errorCount: 6 });
    expect(view!.columns).toEqual(["name", "email", "language"]);
    expect(view!.sample).toHaveLength(10);
    expect(view!.sample[0]).toEqual({
      row: 2,
      email: a("anna"),
      name: "Anna Neu",
      language: "en",
      reason: null,
    });
    expect(view!.errors).toEqual([
      { row: 3, email: "keine-adresse", reason: "invalidEmail" },
      { row: 5, email: a("anna"), reason: "duplicateInFile" },
      { row: 6, email: memberEmail, reason: "member" },
      { row: 7, email: gone, reason: "suppressed" },
      { row: 8, email: known, reason: "alreadyContact" },
      { row: 10, email: a("marie"), reason: "invalidLanguage" },
    ]);
    // the waiting sign-up will be confirmed by the import: not an error
    expect(view!.sample.find((r) => r.email === waiting)?.reason).toBeNull();
    expect((await contactsByEmail([a("anna"), a("omar")])).size).toBe(0);
  });

  it("refuses a file without an address column or without rows, beside the file field", async () => {
    await expect(upload("Name;Telefon\nAnna;0345 1234\n")).rejects.toMatchObject({
      message: "noEmailColumn",
      field: "file",
    });
    await expect(upload("E-Mail\n\n")).rejects.toMatchObject({ message: "noRows", field: "file" });
  });

  it("can be discarded before it starts (afterwards: see below)", async () => {
    const a = addressesFor();
    const { id } = await upload(`email\n${a("weg")}`);
    await discardContactImport({ actorId: coordinatorId, importId: id });
    expect(await getImportView(id)).toBeNull();
  });
});

describe("contact import: the job", () => {
  it("records the legal basis, honours the suppression list, skips members and known contacts", async () => {
    const { a, csv, gone, known, waiting } = await mixedFile();
    const { id } = await upload(csv, "Teilnehmerliste Sprachcafé 2026");
    await startContactImport({ actorId: coordinatorId, importId: id });
    expect(await getImportProgress(id)).toMatchObject({ status: "running", processed: 0, percent: 0 });
    expect((await jobStates(IMPORT_JOB)).some((j) => j.state === "created")).toBe(true);

    // Someone unsubscribes between the preview and the job: they are not imported either.
    const db = await getDb();
    await db.insert(suppressions).values({ email: a("olena"), reason: "unsubscribed" });

    await runContactImport({ importId: id });
    expect(await getImportProgress(id)).toMatchObject({
      status: "done",
      total: 11,
      processed: 11,
      imported: 4,
      errorCount: 7,
      percent: 100,
    });

    const contacts = await contactsByEmail([
      a("anna"),
      a("omar"),
      a("elf"),
      a("olena"),
      a("marie"),
      memberEmail,
      gone,
      known,
      waiting,
    ]);
    for (const email of [a("anna"), a("omar"), a("elf")]) {
      expect(contacts.get(email), email).toMatchObject({
        status: "confirmed",
        legalBasis: "consent",
        legalNote: "Teilnehmerliste Sprachcafé 2026",
        importId: id,
        confirmedAt: expect.any(Date),
      });
    }
    expect(contacts.get(a("anna"))).toMatchObject({ name: "Anna Neu", locale: "en" });
    expect(contacts.get(a("omar"))?.locale).toBe("ar");
    expect(contacts.get(a("elf"))?.locale).toBe("de");
    // the waiting sign-up is confirmed now, on the import's basis, keeping the name they gave
    expect(contacts.get(waiting)).toMatchObject({ status: "confirmed", importId: id, name: "Wartet" });
    // a confirmed contact keeps its own record (its double opt-in), untouched by the import
    expect(contacts.get(known)).toMatchObject({ status: "confirmed", importId: null });
    for (const email of [gone, a("olena"), memberEmail, a("marie")])
      expect(contacts.has(email), email).toBe(false);

    const view = await getImportView(id);
    expect(view!.errors.map((e) => [e.row, e.reason])).toEqual([
      [3, "invalidEmail"],
      [5, "duplicateInFile"],
      [6, "member"],
      [7, "suppressed"],
      [8, "alreadyContact"],
      [10, "invalidLanguage"],
      [11, "suppressed"],
    ]);
    // a long list is cut to the first rows shown; the count still says how many there were
    const shortened = await getImportView(id, { maxErrors: 3 });
    expect(shortened!.errors.map((e) => e.row)).toEqual([3, 5, 6]);
    expect(shortened!.errorCount).toBe(7);
    // the contact list finds them by address or name
    expect((await listContacts({ search: a("anna").toUpperCase() })).items).toEqual([
      expect.objectContaining({ email: a("anna"), name: "Anna Neu", importId: id, legalBasis: "consent" }),
    ]);
    const tag = a("").split("@")[0]!;
    expect((await listContacts({ search: tag })).items.map((c) => c.email).sort()).toEqual(
      [a("anna"), a("elf"), a("omar"), known, waiting].sort(),
    );
  });

  it("works through a large file in chunks, moving the progress on after each", async () => {
    const a = addressesFor();
    const rows = 2 * IMPORT_CHUNK + 234;
    const csv = ["email,name", ...Array.from({ length: rows }, (_, i) => `${a(`p${i}`)},Person ${i}`)].join(
      "\n",
    );
    const { id } = await upload(csv);
    await startContactImport({ actorId: coordinatorId, importId: id });
    const checked = (await loadImportRows(id))!;
    const seen: number[] = [];
    for (;;) {
      const { done } = await importNextChunk({ importId: id, rows: checked });
      const progress = (await getImportProgress(id))!;
      seen.push(progress.processed);
      expect(progress.imported).toBe(progress.processed);
      if (done) break;
      expect(progress).toMatchObject({ status: "running" });
      expect(progress.percent).toBeLessThan(100);
    }
    expect(seen).toEqual([IMPORT_CHUNK, 2 * IMPORT_CHUNK, rows]);
    expect(await getImportProgress(id)).toMatchObject({ status: "done", imported: rows, percent: 100 });

    // Run again (a retry after a crash, a second worker): nothing is imported twice.
    await runContactImport({ importId: id });
    const db = await getDb();
    const [{ n } = { n: 0 }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(newsletterContacts)
      .where(eq(newsletterContacts.importId, id));
    expect(n).toBe(rows);
    expect(await getImportProgress(id)).toMatchObject({ processed: rows, imported: rows });
  });

  it("carries on where a crashed run stopped", async () => {
    const a = addressesFor();
    const rows = IMPORT_CHUNK + 10;
    const csv = ["email", ...Array.from({ length: rows }, (_, i) => a(`c${i}`))].join("\n");
    const { id } = await upload(csv);
    await startContactImport({ actorId: coordinatorId, importId: id });
    await importNextChunk({ importId: id, rows: (await loadImportRows(id))! }); // then the worker died
    expect(await getImportProgress(id)).toMatchObject({ status: "running", processed: IMPORT_CHUNK });
    await runContactImport({ importId: id });
    expect(await getImportProgress(id)).toMatchObject({ status: "done", processed: rows, imported: rows });
  });

  it("imports 20,000 rows and answers the progress bar meanwhile", { timeout: 120_000 }, async () => {
    const a = addressesFor();
    const rows = 20_000;
    const csv = [
      "E-Mail;Name;Sprache",
      ...Array.from({ length: rows }, (_, i) => `${a(`m${i}`)};Person ${i};de`),
    ].join("\r\n");
    const { id } = await upload(csv);
    await startContactImport({ actorId: coordinatorId, importId: id });
    const importing = runContactImport({ importId: id });
    // What the progress bar asks every second gets its answer while the import runs, not once it is over.
    const polled = new Promise((resolve) => setTimeout(resolve, 50)).then(() => getImportProgress(id));
    await importing;
    const meanwhile = await polled;
    expect(meanwhile).toMatchObject({ status: "running" });
    expect(meanwhile?.processed).toBeLessThan(rows);
    expect(await getImportProgress(id)).toMatchObject({ status: "done", processed: rows, imported: rows });
  });

  it("starting twice queues one run; starting a finished import changes nothing", async () => {
    const a = addressesFor();
    const { id } = await upload(`email\n${a("x")}`);
    await startContactImport({ actorId: coordinatorId, importId: id });
    await startContactImport({ actorId: coordinatorId, importId: id });
    await runContactImport({ importId: id });
    await startContactImport({ actorId: coordinatorId, importId: id });
    expect(await getImportProgress(id)).toMatchObject({ status: "done", imported: 1 });
    await expect(discardContactImport({ actorId: coordinatorId, importId: id })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("contact import: who may", () => {
  const csvFile = (text: string, name = "liste.csv") => new File([text], name, { type: "text/csv" });

  it("refuses a member everywhere with “not found” and changes nothing", async () => {
    const a = addressesFor();
    const { id } = await upload(`email\n${a("geheim")}`);
    await expect(
      createContactImport({
        actorId: memberId,
        filename: "x.csv",
        csv: "email\nx@example.org",
        legalBasis: "consent",
        legalNote: "x",
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(startContactImport({ actorId: memberId, importId: id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(discardContactImport({ actorId: memberId, importId: id })).rejects.toMatchObject({
      code: "not_found",
    });

    const { uploadContactsAction, startImportAction } = await import("@/lib/campaigns/import-actions");
    const memberSession = await createSession(memberId);
    signInWith(memberSession);
    await expect(
      uploadContactsAction(
        IDLE,
        form({ file: csvFile(`email\n${a("m")}`), legalBasis: "consent", legalNote: "Liste" }),
      ),
    ).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    await expect(startImportAction(form({ importId: id }))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    expect(await getImportProgress(id)).toMatchObject({ status: "preview" });

    // the progress route answers a member like an unknown address
    const request = (token: string) =>
      new Request(`http://localhost:3000/api/admin/contact-imports/${id}`, {
        headers: { cookie: `authjs.session-token=${token}` },
      });
    const params = { params: Promise.resolve({ id }) };
    const refused = await progressRoute(request(memberSession), params);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain("preview");
    const allowed = await progressRoute(request(await createSession(coordinatorId)), params);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ status: "preview", total: 1, processed: 0 });
  });

  it("gives a coordinator the reason beside the field, and opens the preview after a good upload", async () => {
    const { uploadContactsAction } = await import("@/lib/campaigns/import-actions");
    signInWith(await createSession(coordinatorId));
    const noFile = await uploadContactsAction(IDLE, form({ legalBasis: "consent", legalNote: "Liste" }));
    expect(noFile).toMatchObject({ status: "error", fieldErrors: { file: { key: "fileRequired" } } });
    // every problem at once, the typed values kept
    const nothing = await uploadContactsAction(IDLE, form({ legalNote: "Liste" }));
    expect(nothing).toMatchObject({
      status: "error",
      fieldErrors: { file: { key: "fileRequired" }, legalBasis: { key: "required" } },
      values: { legalNote: "Liste" },
    });
    const noBasis = await uploadContactsAction(
      IDLE,
      form({ file: csvFile("email\na@example.org"), legalNote: "" }),
    );
    expect(noBasis).toMatchObject({
      status: "error",
      fieldErrors: { legalBasis: { key: "required" }, legalNote: { key: "required" } },
    });
    const noColumn = await uploadContactsAction(
      IDLE,
      form({ file: csvFile("Name\nAnna"), legalBasis: "contract", legalNote: "Mitgliederliste" }),
    );
    expect(noColumn).toMatchObject({ status: "error", fieldErrors: { file: { key: "noEmailColumn" } } });
    const spreadsheet = await uploadContactsAction(
      IDLE,
      form({
        file: csvFile("PK\u0003\u0004\u0000\u0000", "liste.xlsx"),
        legalBasis: "contract",
        legalNote: "x",
      }),
    );
    expect(spreadsheet).toMatchObject({ status: "error", fieldErrors: { file: { key: "fileNotCsv" } } });

    const a = addressesFor();
    // German Excel's CSV: Windows-1252, semicolons
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode(`E-Mail;Name\n${a("j")};J`),
      0xfc,
      0x72,
      0x67,
      0x65,
      0x6e,
    ]);
    const redirect = await uploadContactsAction(
      IDLE,
      form({
        file: new File([bytes], "excel.csv"),
        legalBasis: "legitimate_interest",
        legalNote: "Kooperationspartner",
      }),
    ).catch((error: Error & { digest?: string }) => error.digest ?? error.message);
    const id = String(redirect).match(/\/admin\/campaigns\/imports\/([\w-]+)/)?.[1];
    expect(id, String(redirect)).toBeDefined();
    const view = await getImportView(id!);
    expect(view).toMatchObject({
      legalBasis: "legitimate_interest",
      legalNote: "Kooperationspartner",
      importable: 1,
    });
    expect(view!.sample[0]).toMatchObject({ email: a("j"), name: "Jürgen" });
    const db = await getDb();
    const [stored] = await db
      .select({ by: contactImports.createdBy })
      .from(contactImports)
      .where(eq(contactImports.id, id!));
    expect(stored?.by).toBe(coordinatorId);
  });
});
