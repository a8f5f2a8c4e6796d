import { z } from "zod";
import type { FieldError, FieldErrors } from "./state";

const noControlChars = /^[^\p{Cc}\p{Cs}\p{Co}]*$/u;
/** As above, but a text of several lines keeps its tabs and line breaks. */
const noControlCharsExceptBreaks = /^(?:[\t\n]|[^\p{Cc}\p{Cs}\p{Co}])*$/u;
/** Browsers send a textarea's line breaks as "\r\n": kept as "\n", so each counts as one character. */
const unifyLineBreaks = (value: string) => value.replace(/\r\n?/g, "\n");

/** A required single-line text: trimmed, no control characters, bounded. Empty says "required". */
export const line = (max: number, min = 1) => {
  const text = z.string({ error: "required" }).trim().min(1, { error: "required" });
  return (min > 1 ? text.min(min, { error: "tooShort" }) : text)
    .max(max, { error: "tooLong" })
    .regex(noControlChars, { error: "invalidCharacters" });
};

export const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .regex(noControlChars, { error: "invalidCharacters" })
    .optional()
    .transform((v) => (v ? v : undefined));

/**
 * A required text of several lines (a textarea): trimmed, line breaks kept as "\n", other control
 * characters refused, bounded. Empty says "required".
 */
export const multiline = (max: number, min = 1) => {
  const text = z
    .string({ error: "required" })
    .overwrite(unifyLineBreaks)
    .trim()
    .min(1, { error: "required" });
  return (min > 1 ? text.min(min, { error: "tooShort" }) : text)
    .max(max, { error: "tooLong" })
    .regex(noControlCharsExceptBreaks, { error: "invalidCharacters" });
};

export const optionalMultiline = (max: number) =>
  z
    .string()
    .overwrite(unifyLineBreaks)
    .trim()
    .max(max, { error: "tooLong" })
    .regex(noControlCharsExceptBreaks, { error: "invalidCharacters" })
    .optional()
    .transform((v) => (v ? v : undefined));

/** Whether these fields of an object passed their own checks (and the input was an object at all). */
export const validFields = (payload: z.core.ParsePayload, fields: readonly string[]): boolean =>
  !payload.issues.some((issue) => !issue.path?.length || fields.includes(String(issue.path[0])));

/**
 * Options for an object's cross-field rule (`.superRefine(rule, whenValid("a", "b"))`): the rule runs
 * as soon as the fields it reads are valid, even when other fields have errors. By default zod skips
 * it then, and its message would appear only after everything else was fixed and the form sent again.
 * With several rules in one refinement, `whenValid()` and `validFields(ctx, […])` per rule.
 */
export const whenValid = (...fields: string[]) => ({
  when: (payload: z.core.ParsePayload) => validFields(payload, fields),
});

/** An optional phone number as people write it: digits, spaces and + - ( ) /, a "+" only in front. */
export const optionalPhone = optionalLine(40).refine(
  (v) => v === undefined || /^(?=.*\d)\+?[\d ()/-]{4,}$/.test(v),
  {
    error: "invalidPhone",
  },
);

/** An optional web address: "www.example.org" is taken as https://www.example.org; only http(s) is kept. */
export const optionalWebsite = optionalLine(300).pipe(
  z
    .string()
    .transform((v) => (/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "invalidUrl" }))
    .optional(),
);

export const emailAddress = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "required" })
  .max(254, { error: "tooLong" })
  .pipe(z.email({ error: "invalidEmail" }));

/**
 * A typed "2027-02-30" or "25:70" fits the pattern of a date or time input (typed by hand, or in a
 * browser without a picker) but names no real moment; refused, it is never moved on to another day.
 */
export function isExistingDate(value: string): boolean {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isExistingTime = (value: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** One issue as a message key with its limits (the {min} and {max} of "tooShort" and "tooLong"). */
export function toFieldError(issue: z.core.$ZodIssue): FieldError {
  const values: Record<string, number> = {};
  if ("maximum" in issue) values.max = Number(issue.maximum);
  if ("minimum" in issue) values.min = Number(issue.minimum);
  const key = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
  return { key, values };
}

/** First issue per field, as message keys with their limits. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    result[field] ??= toFieldError(issue);
  }
  return result;
}

/** FormData → plain object; fields listed in `multi` keep every value. */
export function formValues(
  formData: FormData,
  multi: readonly string[] = [],
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$") || typeof value !== "string") continue;
    if (multi.includes(key))
      values[key] = formData.getAll(key).filter((v): v is string => typeof v === "string");
    else values[key] = value;
  }
  for (const key of multi) values[key] ??= [];
  return values;
}
