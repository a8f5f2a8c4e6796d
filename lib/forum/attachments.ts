import "server-only";
import sharp, { type Metadata } from "sharp";
import { AppError } from "@/lib/errors";
import { fileLimitBreach } from "@/lib/forms/file-limits";
import { ATTACHMENT_LIMIT_ERRORS, ATTACHMENT_LIMITS } from "./constants";

const MAX_PIXELS = 40_000_000;
const MAX_SIDE = 1600;

export type ProcessedAttachment = {
  filename: string;
  contentType: string;
  data: Buffer;
  width: number;
  height: number;
};

const refuse = (message: string, cause?: unknown) =>
  new AppError({ code: "invalid", message, field: "attachments", cause });

/** A safe file name to show and to offer for download: no paths, no control characters. */
const cleanName = (name: string) =>
  name
    .replace(/^.*[\\/]/, "")
    .replace(/[^\p{L}\p{N} ._()-]/gu, "_")
    .slice(0, 100) || "datei";

/** The name a checked file is offered under: cleaned, and ending as what it is (.pdf, or .webp once re-encoded). */
export function attachmentName(name: string, contentType: string): string {
  const clean = cleanName(name);
  if (contentType === "application/pdf") return clean.toLowerCase().endsWith(".pdf") ? clean : `${clean}.pdf`;
  return `${clean.replace(/\.[a-z0-9]+$/i, "")}.webp`;
}

/** An image's metadata if it is one the forum takes (JPEG, PNG, WebP, GIF, not too many pixels). */
async function imageMetadata(input: Buffer): Promise<Metadata | null> {
  try {
    const meta = await sharp(input).metadata();
    const taken = meta.format && ["jpeg", "png", "webp", "gif"].includes(meta.format);
    return taken && meta.width && meta.height && meta.width * meta.height <= MAX_PIXELS ? meta : null;
  } catch {
    return null;
  }
}

const isPdf = (input: Buffer) => input.subarray(0, 5).toString("latin1") === "%PDF-";

/**
 * The files that are neither a PDF nor an image the forum takes, judged by content as
 * processAttachments does, so a refusal can name them and the others be kept.
 */
export async function filesOfOtherTypes(files: File[]): Promise<File[]> {
  const refused: File[] = [];
  for (const file of files) {
    const input = Buffer.from(await file.arrayBuffer());
    if (!isPdf(input) && !(await imageMetadata(input))) refused.push(file);
  }
  return refused;
}

/** The name a refused file is given back under (as typed, made safe to show). */
export const refusedName = (file: File) => cleanName(file.name);

/**
 * Checks each file by its content, not its name or declared type: images are re-encoded (metadata
 * such as GPS dropped, at most 1600 px), PDFs must start with "%PDF-". Anything else is refused.
 */
export async function processAttachments(files: Blob[]): Promise<ProcessedAttachment[]> {
  const breach = fileLimitBreach(files, ATTACHMENT_LIMITS);
  if (breach) throw refuse(ATTACHMENT_LIMIT_ERRORS[breach]);
  const real = files.filter((f) => f.size > 0);
  const result: ProcessedAttachment[] = [];
  for (const file of real) {
    const input = Buffer.from(await file.arrayBuffer());
    const name = file instanceof File ? file.name : "datei";
    if (isPdf(input)) {
      result.push({
        filename: attachmentName(name, "application/pdf"),
        contentType: "application/pdf",
        data: input,
        width: 0,
        height: 0,
      });
      continue;
    }
    if (!(await imageMetadata(input))) throw refuse("attachmentType");
    try {
      const { data, info } = await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: "error" })
        .autoOrient()
        .resize(MAX_SIDE, MAX_SIDE, { fit: "inside", withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true });
      result.push({
        filename: attachmentName(name, "image/webp"),
        contentType: "image/webp",
        data,
        width: info.width,
        height: info.height,
      });
    } catch (error) {
      throw refuse("attachmentType", error);
    }
  }
  return result;
}
