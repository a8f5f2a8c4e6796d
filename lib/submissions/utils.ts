import { createHash } from "node:crypto";
import { PENDING_FIELD } from "@/lib/uploads/constants";
import { SUBMISSION_FIELD } from "./constants";

/**
 * One sending of a post or message form: its key (the server's own when the form sent none or a
 * malformed one), where it writes, a hash of its text fields, and whether files go with it.
 */
export type Submission = {
  userId: string;
  key: string;
  scope: string;
  fingerprint: string;
  withFiles: boolean;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new one-time key for a form being rendered. */
export const newSubmissionKey = (): string => crypto.randomUUID();

/** Browsers send a textarea's line breaks as "\r\n"; the schemas trim. */
const normalised = (value: FormDataEntryValue | null): string =>
  typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "";

/** The form's one-time key, when it sent a well-formed one. */
export function sentSubmissionKey(formData: FormData): string | null {
  const sent = formData.get(SUBMISSION_FIELD);
  return typeof sent === "string" && UUID.test(sent) ? sent.toLowerCase() : null;
}

export function submissionOf(
  formData: FormData,
  { userId, scope, fields }: { userId: string; scope: string; fields: readonly string[] },
): Submission {
  const key = sentSubmissionKey(formData) ?? newSubmissionKey();
  const text = JSON.stringify(fields.map((field) => normalised(formData.get(field))));
  const withFiles = [...formData.values()].some((v) => v instanceof Blob && v.size > 0);
  return {
    userId,
    key,
    scope,
    fingerprint: createHash("sha256").update(text).digest("base64url"),
    withFiles: withFiles || formData.has(PENDING_FIELD),
  };
}
