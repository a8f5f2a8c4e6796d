import { getViewerFromRequest } from "@/lib/auth/viewer";
import { loadVisibleUpload } from "@/lib/profile/loaders";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
  });

/** Whether the browser's copy (If-None-Match, possibly a list or weak tags) is this one. */
const matches = (ifNoneMatch: string | null, etag: string) =>
  ifNoneMatch?.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  }) ?? false;

/** Serves an uploaded file to whoever may see it; anyone else gets the same 404 as for an unknown id. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (id.length > 64) return notFound();
  const upload = await loadVisibleUpload({ id, viewer: await getViewerFromRequest(request) });
  if (!upload) return notFound();

  // Uploads never change: a new photo gets a new id. A short lifetime lets a member's "hide my photo"
  // take effect soon, even in shared caches.
  const etag = `"${upload.id}"`;
  const headers: Record<string, string> = {
    ETag: etag,
    "Cache-Control": upload.isPublic ? "public, max-age=300" : "private, max-age=300",
    "X-Content-Type-Options": "nosniff",
    "Content-Disposition": "inline",
  };
  // A members-only photo must not come from the browser's cache once the session is gone.
  if (!upload.isPublic) headers.Vary = "Cookie";
  if (matches(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(new Uint8Array(upload.data), {
    status: 200,
    headers: {
      ...headers,
      "Content-Type": upload.contentType,
      "Content-Length": String(upload.data.byteLength),
    },
  });
}
