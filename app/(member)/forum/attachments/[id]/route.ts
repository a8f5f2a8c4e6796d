import { getViewerFromRequest } from "@/lib/auth/viewer";
import { getAttachmentFile } from "@/lib/forum/post-data";
import { forumViewer } from "@/lib/forum/visibility";

export const dynamic = "force-dynamic";

/** A forum attachment, for whoever may read its post; everyone else gets the same 404 as for an unknown id. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const file =
    id.length <= 64
      ? await getAttachmentFile({ viewer: forumViewer(await getViewerFromRequest(request)), id })
      : null;
  if (!file) {
    return new Response("Not found", {
      status: 404,
      headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const pdf = file.contentType === "application/pdf";
  return new Response(new Uint8Array(file.data), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.data.byteLength),
      "Cache-Control": file.isPublic ? "public, max-age=60" : "private, max-age=60",
      ...(file.isPublic ? {} : { Vary: "Cookie" }),
      "X-Content-Type-Options": "nosniff",
      // A PDF is downloaded rather than shown, so it never runs inside our origin.
      "Content-Disposition": `${pdf ? "attachment" : "inline"}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
