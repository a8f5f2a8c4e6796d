import type { Decision } from "./subjects";

/**
 * The decisions that make sense for a reported thing in its state: a visible one can be hidden, a
 * hidden one restored; a deleted one (by its author meanwhile) only leaves the report to close.
 * "authorDeleted": a message its author deleted, which nobody may bring back.
 */
export function decisionsFor(status: string | null): Decision[] {
  switch (status) {
    case "visible":
      return ["hide", "delete", "dismiss"];
    case "hidden":
      return ["restore", "delete", "dismiss"];
    case "pending":
      return ["delete", "dismiss"];
    case "deleted":
    case "authorDeleted":
      return ["dismiss"];
    default:
      return ["hide", "restore", "delete", "dismiss"];
  }
}

/** Whether the decision is one the queue offers for this state: the server allows exactly those. */
export function decisionFits(status: string | null, decision: Decision): boolean {
  return decisionsFor(status).includes(decision);
}
