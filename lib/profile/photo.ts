import "server-only";
import sharp, { type Metadata } from "sharp";
import { AppError } from "@/lib/errors";
import { PHOTO_LIMITS } from "./constants";

/** Larger images are refused before decoding: a small file can unpack to gigabytes (decompression bomb). */
export const MAX_PHOTO_PIXELS = 40_000_000;
export const PHOTO_SIZE = 512;
export const PHOTO_CONTENT_TYPE = "image/webp";

const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);

export type ProcessedPhoto = { data: Buffer; width: number; height: number };

const refuse = (message: string, cause?: unknown) =>
  new AppError({ code: "invalid", message, field: "photo", cause });

/**
 * Checks an uploaded image by its content (not its name or declared type) and turns it into a square
 * WebP of at most 512×512: turned upright by its EXIF orientation, with every metadata (camera, GPS)
 * dropped, as sharp does unless asked to keep it.
 */
export async function processPhoto(file: Blob): Promise<ProcessedPhoto> {
  if (file.size === 0) throw refuse("imageRequired");
  if (file.size > PHOTO_LIMITS.eachBytes) throw refuse("imageFileTooLarge");
  const input = Buffer.from(await file.arrayBuffer());

  let metadata: Metadata;
  try {
    metadata = await sharp(input).metadata();
  } catch (error) {
    throw refuse("imageType", error);
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format)) throw refuse("imageType");
  if (!metadata.width || !metadata.height) throw refuse("imageType");
  if (metadata.width * metadata.height > MAX_PHOTO_PIXELS) throw refuse("imageTooBig");

  // Never enlarge: a small photo becomes a smaller square, not a blurry big one.
  const side = Math.min(PHOTO_SIZE, metadata.width, metadata.height);
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "error" })
      .autoOrient()
      .resize(side, side, { fit: "cover", position: "attention" })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (error) {
    throw refuse("imageType", error);
  }
}
