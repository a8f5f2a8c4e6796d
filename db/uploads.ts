import type { NewUpload, UploadPurpose } from "./schema";

/** A checked file, ready to store: its bytes, type and (for images) size in pixels; 0 × 0 for a PDF. */
export type StoredFile = { contentType: string; data: Buffer; width: number; height: number };

/** The `uploads` row for a file someone stored for `purpose` (its byte size taken from the data). */
export const uploadRow = (ownerId: string, purpose: UploadPurpose, file: StoredFile): NewUpload => ({
  ownerId,
  purpose,
  contentType: file.contentType,
  width: file.width,
  height: file.height,
  byteSize: file.data.byteLength,
  data: file.data,
});
