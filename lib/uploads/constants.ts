/**
 * Files a form sent are kept on the server as the member's pending uploads (lib/uploads/pending.ts):
 * a file field cannot be filled in again, so the form lists them instead, as ticked checkboxes of
 * this name, each "<upload id>:<file name>".
 */
export const PENDING_FIELD = "attachment";

export type PendingAttachment = { id: string; filename: string };

/** Pending files older than this are deleted by each area's hourly job. */
export const PENDING_HOURS = 24;
