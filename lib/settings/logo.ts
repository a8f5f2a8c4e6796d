import "server-only";
import sharp, { type Metadata } from "sharp";
import { AppError } from "@/lib/errors";
import { LOGO_LIMITS } from "./constants";

const MAX_LOGO_PIXELS = 25_000_000;
/** The header shows the logo at most 48 px high; twice that for sharp screens. */
const LOGO_BOX = { width: 480, height: 96 };

const refuse = (message: string, cause?: unknown) =>
  new AppError({ code: "invalid", message, field: "logo", cause });

/**
 * Checks an uploaded logo by its content (PNG, JPEG or WebP; no SVG, which could carry scripts) and
 * stores a small PNG that keeps transparency, without metadata.
 */
export async function processLogo(file: Blob): Promise<{ data: Buffer; width: number; height: number }> {
  if (file.size === 0) throw refuse("logoRequired");
  if (file.size > LOGO_LIMITS.eachBytes) throw refuse("logoFileTooLarge");
  const input = Buffer.from(await file.arrayBuffer());
  let metadata: Metadata;
  try {
    metadata = await sharp(input).metadata();
  } catch (error) {
    throw refuse("logoType", error);
  }
  if (!metadata.format || !["png", "jpeg", "webp"].includes(metadata.format)) throw refuse("logoType");
  if (!metadata.width || !metadata.height) throw refuse("logoType");
  if (metadata.width * metadata.height > MAX_LOGO_PIXELS) throw refuse("logoTooBig");
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_LOGO_PIXELS, failOn: "error" })
      .autoOrient()
      .resize(LOGO_BOX.width, LOGO_BOX.height, { fit: "inside", withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch (error) {
    throw refuse("logoType", error);
  }
}
