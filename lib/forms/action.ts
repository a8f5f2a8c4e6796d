import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { isUniqueViolation } from "@/db/errors";
import { AppError } from "@/lib/errors";
import { formValues, toFieldErrors } from "./schema";
import type { FormState } from "./state";

/**
 * A submitted value comes back to the form after an error up to this length: twice the longest field
 * any form takes (the legal texts, 100,000 characters), so nothing typed within a limit is cut off,
 * and a value far beyond one is not sent back whole.
 */
export const MAX_ECHO = 200_000;

/** How many non-empty files the form sent: after an error they must be chosen again. */
export function chosenFiles(formData: FormData): number | undefined {
  const count = [...formData.values()].filter((value) => value instanceof Blob && value.size > 0).length;
  return count > 0 ? count : undefined;
}

/**
 * Builds a server action for a <form>: validate FormData with the schema, then run the handler.
 * Expected failures come back as messages beside fields, with the submitted values kept.
 */
export function formAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>, formData: FormData) => Promise<FormState>,
  options: { multi?: readonly string[]; uniqueViolation?: { field: string; key: string } } = {},
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const raw = formValues(formData, options.multi);
    const values = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [k, typeof v === "string" ? v.slice(0, MAX_ECHO) : v]),
    );
    const kept = { values, filesToChooseAgain: chosenFiles(formData) };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { status: "error", fieldErrors: toFieldErrors(parsed.error), ...kept };
    try {
      return await handler(parsed.data, formData);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) {
        if (error.field)
          return { status: "error", fieldErrors: { [error.field]: { key: error.message } }, ...kept };
        const placeholders = error.values ? { formErrorValues: error.values } : {};
        return { status: "error", fieldErrors: {}, formError: error.message, ...placeholders, ...kept };
      }
      if (options.uniqueViolation && isUniqueViolation(error)) {
        const { field, key } = options.uniqueViolation;
        return { status: "error", fieldErrors: { [field]: { key } }, ...kept };
      }
      console.error("Form action failed:", error);
      return { status: "error", fieldErrors: {}, formError: "generic", ...kept };
    }
  };
}
