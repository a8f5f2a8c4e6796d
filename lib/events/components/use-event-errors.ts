"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, FormState } from "@/lib/forms/state";

/**
 * The words for an event form's errors: the events' own messages first, else the shared ones; one
 * per field, and the summary above the form (the form's own error, or how many fields need fixing).
 */
export function useEventErrors(state: FormState, errors: FieldErrors) {
  const te = useTranslations("errors");
  const tee = useTranslations("events.errors");
  const tf = useTranslations("events.form");
  const words = (key: string, values?: Record<string, number>) =>
    tee.has(key) ? tee(key, values) : te(key, values);
  return {
    message: (name: string) => {
      const e = errors[name];
      return e ? words(e.key, e.values) : undefined;
    },
    summary: () =>
      state.status === "error" && state.formError
        ? words(state.formError)
        : tf("fixErrors", { count: Object.keys(errors).length }),
  };
}
