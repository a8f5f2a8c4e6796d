/**
 * How many files a form takes, how large each may be and all together. The browser checks them when
 * files are chosen (lib/ui/components/use-file-limits.ts), so a file over a limit never leaves it, and
 * the server checks them again.
 */
export type FileLimits = { count: number; eachBytes: number; totalBytes: number };

export type FileLimitBreach = "count" | "each" | "total";

export const MB = 1024 * 1024;

/**
 * The largest request a server action takes (next.config.ts): a forum post's four 5 MB attachments
 * with its text. Next.js refuses a larger one whole, with an error page, before any check of ours
 * runs, so every form's limits stay below it (file-limits.test.ts).
 */
export const SERVER_ACTION_BODY_LIMIT_MB = 21;

/** The first limit these files break, or null. Empty files (an input left empty sends one) do not count. */
export function fileLimitBreach(
  files: readonly { size: number }[],
  limits: FileLimits,
): FileLimitBreach | null {
  const real = files.filter((f) => f.size > 0);
  if (real.length > limits.count) return "count";
  if (real.some((f) => f.size > limits.eachBytes)) return "each";
  if (real.reduce((sum, f) => sum + f.size, 0) > limits.totalBytes) return "total";
  return null;
}
