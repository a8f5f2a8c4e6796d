/**
 * A form's state between the browser and its server action: what the form shows after a
 * submission. Free of zod (validation is the server's, lib/forms/schema.ts), as client
 * components import it.
 */

/** Field error: a key under "errors" in messages, with values for its placeholders. */
export type FieldError = { key: string; values?: Record<string, number> };
export type FieldErrors = Record<string, FieldError>;

export type FormState<V = Record<string, string | string[]>> =
  | { status: "idle" }
  | {
      status: "error";
      fieldErrors: FieldErrors;
      formError?: string;
      /** Values for the placeholders of `formError` (e.g. the minutes to wait). */
      formErrorValues?: Record<string, number>;
      values: V;
      /** Files that were sent along but, as a file field cannot be filled in again, must be chosen anew. */
      filesToChooseAgain?: number;
    }
  | { status: "success"; message?: string };

export const IDLE: FormState = { status: "idle" };

/** What a form shows after a submission: errors per field and the values to fill back in. */
export function formView(state: FormState) {
  const errors: FieldErrors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return {
    errors,
    text: (name: string): string => {
      const value = values[name];
      return typeof value === "string" ? value : "";
    },
    list: (name: string): string[] => {
      const value = values[name];
      return Array.isArray(value) ? value : [];
    },
  };
}
