import "server-only";
import sharp from "sharp";
import { AppError } from "@/lib/errors";
import { fileLimitBreach } from "@/lib/forms/file-limits";
import { ATTACHMENT_LIMIT_ERRORS, ATTACHMENT_LIMITS } from "./constants";

export type CheckedFile = {
  fileName: string;
  contentType: string;
  data: Buffer;
  width: number;
  height: number;
};

const MAX_PIXELS = 40_000_000;

const refuse = (message: string) => new AppError({ code: "invalid", message, field: "attachments" });

const startsWith = (data: Buffer, bytes: number[] | string, offset = 0) => {
  const expected = typeof bytes === "string" ? Buffer.from(bytes, "latin1") : Buffer.from(bytes);
  return (
    data.length >= offset + expected.length &&
    data.subarray(offset, offset + expected.length).equals(expected)
  );
};

const OFFICE_TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
};

/** A name safe to show and to send in Content-Disposition: no folders, no control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!cleaned || cleaned === "." || cleaned === "..") return "datei";
  if (cleaned.length <= 120) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 8 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 120 - ext.length) + ext;
}

/** The content type by what the file is (its first bytes), never by its name or the browser's claim. */
export function sniffType(data: Buffer, fileName: string): string | null {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  if (startsWith(data, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(data, "GIF87a") || startsWith(data, "GIF89a")) return "image/gif";
  if (startsWith(data, "RIFF") && startsWith(data, "WEBP", 8)) return "image/webp";
  if (startsWith(data, "%PDF-")) return "application/pdf";
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04]) && OFFICE_TYPES[ext]) return OFFICE_TYPES[ext];
  if (ext === "txt" && !data.includes(0)) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(data);
      return "text/plain; charset=utf-8";
    } catch {
      return null;
    }
  }
  return null;
}

/** Photos lose their metadata (camera, GPS position) and are turned upright, in their own format. */
async function cleanImage(
  data: Buffer,
  type: string,
): Promise<{ data: Buffer; width: number; height: number }> {
  try {
    const image = sharp(data, {
      limitInputPixels: MAX_PIXELS,
      failOn: "error",
      animated: type === "image/gif",
    });
    const meta = await image.metadata();
    if (!meta.width || !meta.height) throw new Error("no size");
    if (type === "image/gif") return { data, width: meta.width, height: meta.height };
    const format = type === "image/png" ? "png" : type === "image/webp" ? "webp" : "jpeg";
    const { data: out, info } = await sharp(data, { limitInputPixels: MAX_PIXELS, failOn: "error" })
      .autoOrient()
      .toFormat(format, format === "jpeg" ? { quality: 88 } : {})
      .toBuffer({ resolveWithObject: true });
    return { data: out, width: info.width, height: info.height };
  } catch {
    throw refuse("attachmentType");
  }
}

/** Whether messages take the file, by content as checkAttachments judges it (an image must be readable). */
async function accepted(data: Buffer, fileName: string): Promise<boolean> {
  const type = sniffType(data, fileName);
  if (!type?.startsWith("image/")) return type !== null;
  try {
    const meta = await sharp(data, { animated: type === "image/gif" }).metadata();
    return Boolean(meta.width && meta.height && meta.width * meta.height <= MAX_PIXELS);
  } catch {
    return false;
  }
}

/** The chosen files messages do not take, so a refusal can name them and the others be kept. */
export async function filesOfOtherTypes(files: File[]): Promise<File[]> {
  const refused: File[] = [];
  for (const file of files) {
    if (!(await accepted(Buffer.from(await file.arrayBuffer()), safeFileName(file.name)))) refused.push(file);
  }
  return refused;
}

/** The name a refused file is given back under (as chosen, made safe to show). */
export const refusedName = (file: File) => safeFileName(file.name);

/** Checks every chosen file: count, size, type by content; images are cleaned. */
export async function checkAttachments(files: File[]): Promise<CheckedFile[]> {
  const breach = fileLimitBreach(files, ATTACHMENT_LIMITS);
  if (breach) throw refuse(ATTACHMENT_LIMIT_ERRORS[breach]);
  // A file input left empty still sends one empty file (its name depends on the browser): empty files
  // carry nothing, so they are left out (the limits do not count them either).
  const real = files.filter((f) => f.size > 0);
  const checked: CheckedFile[] = [];
  for (const file of real) {
    const data = Buffer.from(await file.arrayBuffer());
    const fileName = safeFileName(file.name);
    const contentType = sniffType(data, fileName);
    if (!contentType) throw refuse("attachmentType");
    if (contentType.startsWith("image/")) {
      const image = await cleanImage(data, contentType);
      checked.push({ fileName, contentType, ...image });
    } else {
      checked.push({ fileName, contentType, data, width: 0, height: 0 });
    }
  }
  return checked;
}
