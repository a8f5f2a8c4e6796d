/**
 * Limits and field names of the campaign editor and the contact import, shared by their forms (in the
 * browser) and the server.
 */

import { type FileLimits, MB } from "@/lib/forms/file-limits";

export const MAX_BODY = 50_000;
export const MAX_SUBJECT = 200;
/** A contact list to import: 5 MB of CSV is about 80,000 rows. */
export const IMPORT_FILE_LIMITS: FileLimits = { count: 1, eachBytes: 5 * MB, totalBytes: 5 * MB };
/** Form field names of each language version: subjectDe, bodyDe, subjectEn, … */
export const versionFields = (locale: string) => {
  const suffix = locale.charAt(0).toUpperCase() + locale.slice(1);
  return { subject: `subject${suffix}`, body: `body${suffix}` } as const;
};
/**
 * The message (campaigns.errors) of a save from an editor opened before another save: nothing is
 * written; the form error's `version` is the saved one, which the form takes on.
 */
export const CHANGED_MEANWHILE = "changedMeanwhile";
/** Checkbox lists of the segment builder (several values each). */
export const AUDIENCE_LISTS = [
  "roles",
  "topics",
  "languages",
  "municipalities",
  "organisationTypes",
] as const;
