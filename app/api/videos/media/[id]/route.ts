import { getViewerFromRequest, hasRole } from "@/lib/auth/viewer";
import { getMediaInfo, readMediaChunks } from "@/lib/videos/data";
import { parseRange } from "@/lib/videos/utils";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
  });

/** Chunks read four at a time (1 MB), only when the client is ready for more. */
const CHUNKS_PER_READ = 4;

function bodyFor(
  media: { id: string; chunkSize: number },
  start: number,
  end: number,
): ReadableStream<Uint8Array> {
  let seq = Math.floor(start / media.chunkSize);
  const lastSeq = Math.floor(end / media.chunkSize);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (seq > lastSeq) {
        controller.close();
        return;
      }
      const to = Math.min(lastSeq, seq + CHUNKS_PER_READ - 1);
      const chunks = await readMediaChunks({ mediaId: media.id, from: seq, to });
      for (const [i, chunk] of chunks.entries()) {
        const offset = (seq + i) * media.chunkSize;
        const from = Math.max(0, start - offset);
        const until = Math.min(chunk.byteLength, end - offset + 1);
        controller.enqueue(new Uint8Array(chunk.subarray(from, until)));
      }
      if (chunks.length < to - seq + 1) controller.error(new Error(`media ${media.id}: chunks missing`));
      seq = to + 1;
    },
  });
}

/**
 * Serves a video or poster with HTTP range requests (206), so players can seek and start quickly;
 * each request reads only the chunks its range covers. Files of unpublished videos: coordinators only.
 */
async function serve(request: Request, params: Promise<{ id: string }>, head: boolean) {
  const { id } = await params;
  if (id.length > 64) return notFound();
  const media = await getMediaInfo({ mediaId: id });
  if (!media) return notFound();
  if (!media.isPublic) {
    const viewer = await getViewerFromRequest(request);
    if (viewer?.status !== "approved" || !hasRole(viewer, "coordinator")) return notFound();
  }
  // A media id never changes its bytes: a new upload gets a new id.
  const etag = `"${media.id}"`;
  const headers: Record<string, string> = {
    "Accept-Ranges": "bytes",
    "Content-Type": media.contentType,
    ETag: etag,
    "Cache-Control": media.isPublic ? "public, max-age=31536000, immutable" : "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": "inline",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const ifRange = request.headers.get("if-range");
  const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.get("range"), media.byteSize);
  if (range === "unsatisfiable") {
    return new Response(null, {
      status: 416,
      headers: { ...headers, "Content-Range": `bytes */${media.byteSize}` },
    });
  }
  const { start, end } = range ?? { start: 0, end: media.byteSize - 1 };
  headers["Content-Length"] = String(end - start + 1);
  if (range) headers["Content-Range"] = `bytes ${start}-${end}/${media.byteSize}`;
  const status = range ? 206 : 200;
  if (head || media.byteSize === 0) return new Response(null, { status, headers });
  return new Response(bodyFor(media, start, end), { status, headers });
}

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return serve(request, params, false);
}

export function HEAD(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return serve(request, params, true);
}
