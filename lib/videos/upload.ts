import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
// Next ships busboy (its own multipart parser): it hands over the file as a stream, part by part.
import busboy from "next/dist/compiled/busboy";
import {
  MAX_POSTER_BYTES,
  MAX_VIDEO_BYTES,
  MEDIA_CHUNK_BYTES,
  type MediaKind,
  POSTER_TYPES,
  VIDEO_TYPES,
} from "./constants";
import { appendMediaChunk, attachMedia, createMedia, discardMedia } from "./mutations";
import { sniffMediaType } from "./utils";

export type UploadError = "fileRequired" | "fileType" | "fileTooLarge" | "uploadFailed";
export type UploadResult = { ok: true; byteSize: number } | { ok: false; error: UploadError };

const LIMITS: Record<MediaKind, { bytes: number; types: readonly string[] }> = {
  video: { bytes: MAX_VIDEO_BYTES, types: VIDEO_TYPES },
  poster: { bytes: MAX_POSTER_BYTES, types: POSTER_TYPES },
};

/**
 * Streams the "file" part of a multipart body into the database in chunks: memory holds at most one
 * chunk, whatever the file's size. The type is checked by the file's first bytes, the size as it
 * arrives; a refused or broken upload leaves nothing behind.
 */
export async function receiveUpload(input: {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  kind: MediaKind;
  videoId: string;
  actorId: string;
}): Promise<UploadResult> {
  const limit = LIMITS[input.kind];
  let work: Promise<UploadResult> | null = null;
  const parsed = new Promise<void>((resolve, reject) => {
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({
        headers: { "content-type": input.contentType },
        limits: { files: 1, fields: 10, fileSize: limit.bytes + 1 },
      });
    } catch (error) {
      reject(error);
      return;
    }
    parser.on("file", (name: string, stream: Readable) => {
      if (name !== "file" || work) {
        stream.resume();
        return;
      }
      work = storeFile(stream, input, limit);
    });
    parser.on("close", () => resolve());
    parser.on("error", reject);
    Readable.fromWeb(input.body as unknown as WebReadableStream<Uint8Array>)
      .on("error", reject)
      .pipe(parser);
  });
  try {
    await parsed;
  } catch (error) {
    console.error("Video upload could not be read:", error);
    if (work) await work; // cleans up its partial file
    return { ok: false, error: "uploadFailed" };
  }
  return await (work ?? Promise.resolve<UploadResult>({ ok: false, error: "fileRequired" }));
}

async function storeFile(
  stream: Readable,
  input: { kind: MediaKind; videoId: string; actorId: string },
  limit: { bytes: number; types: readonly string[] },
): Promise<UploadResult> {
  let mediaId: string | null = null;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  let seq = 0;
  let failure: UploadError | null = null;
  const flush = async (all: boolean) => {
    while (mediaId && (pendingBytes >= MEDIA_CHUNK_BYTES || (all && pendingBytes > 0))) {
      const joined = Buffer.concat(pending);
      const piece = joined.subarray(0, MEDIA_CHUNK_BYTES);
      const rest = joined.subarray(piece.byteLength);
      await appendMediaChunk({ mediaId, seq, data: Buffer.from(piece) });
      seq += 1;
      pending = rest.byteLength > 0 ? [Buffer.from(rest)] : [];
      pendingBytes = rest.byteLength;
    }
  };
  try {
    for await (const part of stream) {
      if (failure) continue; // drain the rest of the body, store nothing
      const data = part as Buffer;
      total += data.byteLength;
      if (total > limit.bytes) {
        failure = "fileTooLarge";
        continue;
      }
      pending.push(data);
      pendingBytes += data.byteLength;
      if (!mediaId && pendingBytes >= 12) {
        const type = sniffMediaType(Buffer.concat(pending).subarray(0, 16));
        if (!type || !limit.types.includes(type)) {
          failure = "fileType";
          continue;
        }
        mediaId = await createMedia({
          actorId: input.actorId,
          contentType: type,
          chunkSize: MEDIA_CHUNK_BYTES,
        });
      }
      await flush(false);
    }
    if (failure) throw failure;
    if (total === 0) throw "fileRequired";
    if (!mediaId) throw "fileType";
    await flush(true);
    await attachMedia({
      actorId: input.actorId,
      videoId: input.videoId,
      kind: input.kind,
      mediaId,
      byteSize: total,
    });
    return { ok: true, byteSize: total };
  } catch (error) {
    if (mediaId) await discardMedia({ mediaId }).catch(() => {});
    if (typeof error === "string") return { ok: false, error: error as UploadError };
    console.error("Video upload failed:", error);
    return { ok: false, error: "uploadFailed" };
  }
}
