/** Limits of the settings forms, shared by the forms (in the browser) and the server's checks. */

import { type FileLimits, MB } from "@/lib/forms/file-limits";

/** The network's logo: one image of at most 1 MB (lib/settings/logo.ts). */
export const LOGO_LIMITS: FileLimits = { count: 1, eachBytes: MB, totalBytes: MB };
