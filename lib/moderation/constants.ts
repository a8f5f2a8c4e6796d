/** The queue's notice (moderation.done.*) for each reason a decision is refused (an AppError message). */
export const REFUSALS = {
  removedByAuthor: "restoreRefused",
  decisionRefused: "decisionRefused",
  reportClosed: "reportClosed",
} as const;

/** The notice for the held-posts form sent for a post that is not held (any more). */
export const APPROVE_REFUSED = "approveRefused";

/** The notice for restoring a message no coordinator removed (its author deleted it, or it is back). */
export const RESTORE_MESSAGE_REFUSED = "restoreMessageRefused";

/** The notices that tell of a refusal, shown as errors. */
export const REFUSAL_NOTICES: readonly string[] = [
  ...Object.values(REFUSALS),
  APPROVE_REFUSED,
  RESTORE_MESSAGE_REFUSED,
];
