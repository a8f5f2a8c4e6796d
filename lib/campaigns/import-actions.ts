"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireCapability } from "@/lib/admin/loaders";
import { decodeCsv } from "@/lib/csv/utils";
import { AppError } from "@/lib/errors";
import { formAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { IMPORT_FILE_LIMITS } from "./constants";
import {
  createContactImport,
  discardContactImport,
  removeContact,
  startContactImport,
} from "./import-mutations";
import { StartImport } from "./schema";

// Every action: coordinators only (anyone else gets "not found"), then one mutation.

/** What is wrong with the uploaded file before it is read (null: nothing). */
function fileProblem(file: FormDataEntryValue | null): string | null {
  if (!(file instanceof File) || file.size === 0) return "fileRequired";
  if (file.size > IMPORT_FILE_LIMITS.eachBytes) return "fileTooLarge";
  if (!/\.(csv|txt|tsv)$/i.test(file.name) && !/^text\/|csv/.test(file.type)) return "fileNotCsv";
  return null;
}

const fileError = (message: string) => new AppError({ code: "invalid", message, field: "file" });

const upload = formAction(StartImport, async (data, formData) => {
  const coordinator = await requireCapability("campaigns.manage");
  const file = formData.get("file");
  const problem = fileProblem(file);
  if (problem || !(file instanceof File)) throw fileError(problem ?? "fileRequired");
  const csv = decodeCsv(new Uint8Array(await file.arrayBuffer()));
  if (csv.includes("\u0000")) throw fileError("fileNotCsv"); // a spreadsheet file (.xlsx) renamed
  const { id } = await createContactImport({
    actorId: coordinator.id,
    filename: file.name || "import.csv",
    csv,
    legalBasis: data.legalBasis,
    legalNote: data.legalNote,
  });
  redirect(`/admin/campaigns/imports/${id}`);
});

/**
 * Upload: a CSV file up to 5 MB with its legal basis; the next page previews it. A problem with the
 * file is reported together with those of the other fields.
 */
export async function uploadContactsAction(previous: FormState, formData: FormData): Promise<FormState> {
  await requireCapability("campaigns.manage");
  const state = await upload(previous, formData);
  if (state.status === "error" && !state.fieldErrors.file) {
    const problem = fileProblem(formData.get("file"));
    if (problem) return { ...state, fieldErrors: { file: { key: problem }, ...state.fieldErrors } };
  }
  return state;
}

const ImportId = z.object({ importId: z.string().min(1).max(64) });

/** An import that is gone (discarded in another tab) is "not found", like an unknown id. */
async function onImport(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** Plain forms on the import page (no messages: the page shows the new state). */
export async function startImportAction(formData: FormData): Promise<void> {
  const coordinator = await requireCapability("campaigns.manage");
  const { importId } = ImportId.parse(Object.fromEntries(formData));
  await onImport(() => startContactImport({ actorId: coordinator.id, importId }));
  redirect(`/admin/campaigns/imports/${importId}`);
}

export async function discardImportAction(formData: FormData): Promise<void> {
  const coordinator = await requireCapability("campaigns.manage");
  const { importId } = ImportId.parse(Object.fromEntries(formData));
  await onImport(() => discardContactImport({ actorId: coordinator.id, importId }));
  redirect("/admin/campaigns/contacts?discarded=1");
}

/** Deletes a contact and blocks its address; the button sits on the confirmation step of the list. */
export async function removeContactAction(formData: FormData): Promise<void> {
  const coordinator = await requireCapability("campaigns.manage");
  const removed = await removeContact({
    actorId: coordinator.id,
    contactId: String(formData.get("contactId") ?? ""),
  });
  redirect(`/admin/campaigns/contacts${removed ? "?removed=1" : ""}#contacts`);
}
