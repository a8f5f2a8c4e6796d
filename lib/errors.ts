export const ERROR_CODES = [
  "invalid",
  "conflict",
  "not_found",
  "forbidden",
  "rate_limited",
  "unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An expected failure with a message key (and `values` for its placeholders, said above the form);
 * `field` puts the message beside that form field.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly values?: Record<string, number>;
  constructor(input: {
    code: ErrorCode;
    message: string;
    field?: string;
    values?: Record<string, number>;
    cause?: unknown;
  }) {
    super(input.message, { cause: input.cause });
    this.name = "AppError";
    this.code = input.code;
    this.field = input.field;
    this.values = input.values;
  }
}
