import { getViewerFromRequest, hasRole } from "@/lib/auth/viewer";
import { getAttachmentForParticipant } from "@/lib/messages/attachment-data";
import { getReportedAttachment } from "@/lib/messages/reported-files";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" },
  });

const INLINE = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

/** RFC 6266 file name: an ASCII fallback and the real name percent-encoded. */
const disposition = (kind: "inline" | "attachment", name: string) =>
  `${kind}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * A message attachment for the current participants of its conversation, and for coordinators while
 * a report on its message is open (they judge that message with its files); everyone else gets the
 * same 404 as for an unknown id. Only images open in the browser; every other type is a download, and
 * nothing from here may run scripts.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (id.length > 64) return notFound();
  const viewer = await getViewerFromRequest(request);
  if (viewer?.status !== "approved") return notFound();
  const file =
    (await getAttachmentForParticipant({ attachmentId: id, userId: viewer.id })) ??
    (hasRole(viewer, "coordinator") ? await getReportedAttachment(id) : null);
  if (!file) return notFound();
  const inline = INLINE.has(file.contentType);
  return new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.data.byteLength),
      "Content-Disposition": disposition(inline ? "inline" : "attachment", file.fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
