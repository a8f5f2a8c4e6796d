import type { FileLimits } from "@/lib/forms/file-limits";

/** Chunk size of stored media: a range request reads only the chunks it covers. */
export const MEDIA_CHUNK_BYTES = 256 * 1024;
export const MAX_VIDEO_BYTES = 300 * 1024 * 1024;
export const MAX_POSTER_BYTES = 2 * 1024 * 1024;
export const MAX_CAPTION_BYTES = 512 * 1024;
/** The captions form's one WebVTT file, checked in the browser as it is chosen and again on the server. */
export const CAPTION_LIMITS: FileLimits = {
  count: 1,
  eachBytes: MAX_CAPTION_BYTES,
  totalBytes: MAX_CAPTION_BYTES,
};
export const VIDEO_TYPES = ["video/mp4", "video/webm"] as const;
export const POSTER_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type MediaKind = "video" | "poster";
