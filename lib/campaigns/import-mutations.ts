import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  contactImports,
  type ImportRowError,
  type LegalBasis,
  newsletterContacts,
  suppressions,
} from "@/db/schema";
import { assertActorMay } from "@/lib/admin/actor";
import { recordAudit } from "@/lib/audit/mutations";
import { AppError } from "@/lib/errors";
import { sendJob } from "@/lib/jobs/queue";
import { type CheckedRow, checkRows, IMPORT_CHUNK, parseImportCsv } from "./import";
import { checkImportRows } from "./import-data";

export const IMPORT_JOB = "campaigns.importContacts";

/**
 * A coordinator removes a contact (someone asked by phone, say): the contact is deleted and the address
 * goes on the suppression list, so no campaign and no later import reaches it again. False: already gone.
 */
export async function removeContact(input: { actorId: string; contactId: string }): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertActorMay(tx, input.actorId, "campaigns.manage");
    const [contact] = await tx
      .delete(newsletterContacts)
      .where(eq(newsletterContacts.id, input.contactId))
      .returning({
        id: newsletterContacts.id,
        email: newsletterContacts.email,
        name: newsletterContacts.name,
      });
    if (!contact) return false;
    const email = contact.email.toLowerCase();
    await tx.insert(suppressions).values({ email, reason: "unsubscribed" }).onConflictDoNothing();
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "contacts.removed",
      targetType: "contact",
      targetId: contact.id,
      // The contact is gone: the entry keeps what the log names and finds it by.
      data: contact.name ? { email, name: contact.name } : { email },
    });
    return true;
  });
}

/**
 * Keeps an uploaded contact list for its preview; nothing is imported yet. A file without an address
 * column or without rows is refused here, with the reason beside the file field.
 */
export async function createContactImport(input: {
  actorId: string;
  filename: string;
  csv: string;
  legalBasis: LegalBasis;
  legalNote: string;
}): Promise<{ id: string }> {
  const parsed = parseImportCsv(input.csv);
  if ("problem" in parsed) throw new AppError({ code: "invalid", message: parsed.problem, field: "file" });
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertActorMay(tx, input.actorId, "campaigns.manage");
    const [created] = await tx
      .insert(contactImports)
      .values({
        filename: input.filename.slice(0, 200),
        csv: input.csv,
        legalBasis: input.legalBasis,
        legalNote: input.legalNote,
        total: parsed.records.length,
        createdBy: input.actorId,
      })
      .returning({ id: contactImports.id });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "contacts.importUploaded",
      targetType: "contact_import",
      targetId: created!.id,
      data: {
        filename: input.filename.slice(0, 200),
        rows: parsed.records.length,
        legalBasis: input.legalBasis,
      },
    });
    return created!;
  });
}

/**
 * Hands a previewed import to the job queue. Starting it twice (a double click) changes nothing.
 * If the job cannot be queued, the import goes back to its preview so it can be started again.
 */
export async function startContactImport(input: { actorId: string; importId: string }): Promise<void> {
  const db = await getDb();
  const started = await db.transaction(async (tx) => {
    await assertActorMay(tx, input.actorId, "campaigns.manage");
    const [current] = await tx
      .select({ status: contactImports.status, total: contactImports.total })
      .from(contactImports)
      .where(eq(contactImports.id, input.importId))
      .for("update")
      .limit(1);
    if (!current) throw new AppError({ code: "not_found", message: "importGone" });
    if (current.status !== "preview") return false;
    await tx.update(contactImports).set({ status: "running" }).where(eq(contactImports.id, input.importId));
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "contacts.importStarted",
      targetType: "contact_import",
      targetId: input.importId,
      data: { rows: current.total },
    });
    return true;
  });
  if (!started) return;
  try {
    await sendJob(IMPORT_JOB, { importId: input.importId }, { singletonKey: input.importId });
  } catch (error) {
    await db
      .update(contactImports)
      .set({ status: "preview" })
      .where(and(eq(contactImports.id, input.importId), eq(contactImports.processed, 0)));
    throw error;
  }
}

/** Drops an upload that was never started (its file goes with it). */
export async function discardContactImport(input: { actorId: string; importId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await assertActorMay(tx, input.actorId, "campaigns.manage");
    const [gone] = await tx
      .delete(contactImports)
      .where(and(eq(contactImports.id, input.importId), eq(contactImports.status, "preview")))
      .returning({ filename: contactImports.filename });
    if (!gone) throw new AppError({ code: "not_found", message: "importGone" });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "contacts.importDiscarded",
      targetType: "contact_import",
      targetId: input.importId,
      data: { filename: gone.filename },
    });
  });
}

/** An import's rows, checked against the file itself (the database is asked chunk by chunk). */
export async function loadImportRows(importId: string): Promise<CheckedRow[] | null> {
  const db = await getDb();
  const [row] = await db
    .select({ csv: contactImports.csv, status: contactImports.status })
    .from(contactImports)
    .where(eq(contactImports.id, importId))
    .limit(1);
  if (row?.status !== "running") return null;
  const parsed = parseImportCsv(row.csv);
  return "problem" in parsed ? [] : checkRows(parsed);
}

/**
 * Imports the next chunk of a running import in one transaction: its rows are checked against
 * members, the suppression list and existing contacts, inserted in one statement, and `processed`
 * moves on with them, so after a crash the next run carries on where this one committed.
 * Returns whether the import is finished.
 */
export async function importNextChunk(input: {
  importId: string;
  rows: CheckedRow[];
}): Promise<{ done: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        status: contactImports.status,
        processed: contactImports.processed,
        legalBasis: contactImports.legalBasis,
        legalNote: contactImports.legalNote,
      })
      .from(contactImports)
      .where(eq(contactImports.id, input.importId))
      .for("update")
      .limit(1);
    if (current?.status !== "running") return { done: true };
    const chunk = input.rows.slice(current.processed, current.processed + IMPORT_CHUNK);
    const checked = await checkImportRows(chunk, tx);
    const errors: ImportRowError[] = [];
    const candidates = [];
    for (const r of checked) {
      if (r.ok) candidates.push(r.contact);
      else errors.push({ row: r.row, email: r.email, reason: r.reason });
    }
    const now = new Date();
    const inserted =
      candidates.length === 0
        ? []
        : await tx
            .insert(newsletterContacts)
            .values(
              candidates.map((c) => ({
                email: c.email,
                name: c.name,
                locale: c.locale,
                status: "confirmed" as const,
                legalBasis: current.legalBasis,
                legalNote: current.legalNote,
                importId: input.importId,
                confirmedAt: now,
              })),
            )
            // A contact still waiting for their double opt-in is confirmed by the recorded basis;
            // anyone else (confirmed or unsubscribed meanwhile) stays as they are.
            .onConflictDoUpdate({
              target: newsletterContacts.email,
              set: {
                status: "confirmed",
                legalBasis: sql`excluded.legal_basis`,
                legalNote: sql`excluded.legal_note`,
                importId: sql`excluded.import_id`,
                confirmedAt: sql`excluded.confirmed_at`,
                name: sql`coalesce(${newsletterContacts.name}, excluded.name)`,
              },
              setWhere: sql`${newsletterContacts.status} = 'pending'`,
            })
            .returning({ email: newsletterContacts.email });
    const taken = new Set(inserted.map((r) => r.email));
    for (const c of candidates) {
      if (!taken.has(c.email)) errors.push({ row: c.row, email: c.email, reason: "alreadyContact" });
    }
    errors.sort((a, b) => a.row - b.row);
    const processed = current.processed + chunk.length;
    const done = processed >= input.rows.length;
    await tx
      .update(contactImports)
      .set({
        processed,
        imported: sql`${contactImports.imported} + ${taken.size}`,
        errors:
          errors.length > 0 ? sql`${contactImports.errors} || ${JSON.stringify(errors)}::jsonb` : undefined,
        // Once imported, the uploaded file (names and addresses) is not kept any longer than needed.
        ...(done ? { status: "done" as const, finishedAt: now, total: input.rows.length, csv: "" } : {}),
      })
      .where(eq(contactImports.id, input.importId));
    return { done };
  });
}
