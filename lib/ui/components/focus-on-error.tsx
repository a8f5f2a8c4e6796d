"use client";

import { useEffect } from "react";
import { useFormStatus } from "react-dom";

/** After a submission focus is on the page itself, or on a submit button (disabled while sending). */
function focusIsLost(): boolean {
  const active = document.activeElement;
  return (
    !active || active === document.body || (active instanceof HTMLButtonElement && active.type === "submit")
  );
}

/**
 * Moves keyboard focus to an error as it appears after a submission, and again after each further
 * submission that still shows it, so keyboard and screen-reader users start where the problem is
 * instead of at the top of the page. Only while focus is lost (see above), never away from a field
 * someone is in; the first error on the page wins, as later ones find focus no longer lost.
 */
export function useFocusOnError(target: () => HTMLElement | null | undefined, ...deps: unknown[]) {
  // Inside a <form>: pending while it is sent, so a message still shown afterwards takes focus again.
  const { pending } = useFormStatus();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the target is found anew on each run
  useEffect(() => {
    if (!pending && focusIsLost()) target()?.focus();
  }, [pending, ...deps]);
}

/** The control an error message beside a field describes (a checkbox group: its first box). */
function describedControl(errorId: string): HTMLElement | null {
  const described = document.querySelector<HTMLElement>(`[aria-describedby~="${CSS.escape(errorId)}"]`);
  if (!described || described.matches("input, select, textarea, button")) return described;
  return described.querySelector<HTMLElement>("input, select, textarea, button");
}

/** Renders nothing: moves focus to the field the error message `errorId` belongs to (useFocusOnError). */
export function FocusFieldOnError({ errorId }: { errorId: string }) {
  useFocusOnError(() => describedControl(errorId), errorId);
  return null;
}
