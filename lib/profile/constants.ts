/** Limits of a profile and its photo, shared by the profile forms (in the browser) and the server's checks. */

import { type FileLimits, MB } from "@/lib/forms/file-limits";

export const BIO_MAX = 2000;
/** Organisations a member may list beside their main one. */
export const MAX_FURTHER_ORGANISATIONS = 3;
export const PHOTO_LIMITS: FileLimits = { count: 1, eachBytes: 5 * MB, totalBytes: 5 * MB };
/** For the file input's accept attribute; the server checks the real type from the content. */
export const ACCEPTED_PHOTO_TYPES = "image/jpeg,image/png,image/webp";
/** Where a stored profile photo is served (app/api/uploads, with its access check). */
export const photoSrc = (photoId: string) => `/api/uploads/${encodeURIComponent(photoId)}`;
