export const ERROR_CODES = [
  "invalid",
  "conflict",
  "not_found",
  "forbidden",
  "rate_limited",
  "unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An expected failure with a message key; `field` puts the message beside that form field. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(input: { code: ErrorCode; message: string; field?: string; cause?: unknown }) {
    super(input.message, { cause: input.cause });
    this.name = "AppError";
    this.code = input.code;
    this.field = input.field;
  }
}
