import "server-only";
import { sendJob } from "@/lib/jobs/queue";
import type { JobHandler } from "@/lib/jobs/types";
import { IMPORT_JOB, importNextChunk, loadImportRows } from "./import-mutations";

/** A job hands on to a fresh one after this long, so one huge file never holds a worker for long. */
const TIME_BUDGET_MS = 5 * 60 * 1000;

/**
 * Imports a started CSV import chunk by chunk (each its own transaction, updating the progress).
 * Safe to run twice or after a crash: every chunk starts where the last committed one ended.
 */
export async function runContactImport(data: { importId: string }, options: { budgetMs?: number } = {}) {
  const rows = await loadImportRows(data.importId);
  if (!rows) return;
  const until = Date.now() + (options.budgetMs ?? TIME_BUDGET_MS);
  for (;;) {
    const { done } = await importNextChunk({ importId: data.importId, rows });
    if (done) return;
    if (Date.now() >= until) {
      await sendJob(IMPORT_JOB, data, { singletonKey: data.importId });
      return;
    }
  }
}

export const contactImportJobs: Record<string, JobHandler> = {
  [IMPORT_JOB]: (data: { importId: string }) => runContactImport(data),
};
