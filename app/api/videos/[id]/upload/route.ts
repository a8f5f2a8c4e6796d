import type { NextRequest } from "next/server";
import { getViewerFromRequest, hasRole } from "@/lib/auth/viewer";
import { videoExists } from "@/lib/videos/admin-data";
import { MAX_POSTER_BYTES, MAX_VIDEO_BYTES, type MediaKind } from "@/lib/videos/constants";
import { receiveUpload, type UploadError } from "@/lib/videos/upload";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * Uploads a video file or poster (multipart, field "file") for coordinators. Large files stream into
 * the database chunk by chunk instead of passing through a server action (6 MB limit). A plain form
 * gets a redirect back to the video's page; the progress-bar script asks for JSON.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const kind: MediaKind | null =
    ({ video: "video", poster: "poster" } as const)[request.nextUrl.searchParams.get("kind") ?? ""] ?? null;
  const viewer = await getViewerFromRequest(request);
  if (!kind || id.length > 64 || viewer?.status !== "approved" || !hasRole(viewer, "coordinator"))
    return notFound();
  // Cross-site form posts carry no SameSite=Lax session cookie; this also refuses them explicitly.
  const origin = request.headers.get("origin");
  if (origin && new URL(origin).host !== request.headers.get("host"))
    return new Response("Forbidden", { status: 403 });
  if (!(await videoExists({ videoId: id }))) return notFound();

  const wantsJson = request.headers.get("accept")?.includes("application/json") ?? false;
  const back = (query: string) =>
    `/admin/videos/${id}?${query}#${kind === "video" ? "upload-video" : "upload-poster"}`;
  const answer = (location: string, error?: UploadError) =>
    wantsJson
      ? Response.json({ ok: !error, error, location }, { status: error ? 400 : 200 })
      : new Response(null, { status: 303, headers: { Location: location } });

  const declared = Number(request.headers.get("content-length") ?? "0");
  const max = kind === "video" ? MAX_VIDEO_BYTES : MAX_POSTER_BYTES;
  // Refused before reading: the multipart envelope adds far less than 64 KB.
  if (declared > max + 64 * 1024) return answer(back(`error=fileTooLarge&kind=${kind}`), "fileTooLarge");
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !contentType.startsWith("multipart/form-data")) {
    return answer(back(`error=fileRequired&kind=${kind}`), "fileRequired");
  }
  const result = await receiveUpload({
    body: request.body,
    contentType,
    kind,
    videoId: id,
    actorId: viewer.id,
  });
  return result.ok
    ? answer(back(`uploaded=${kind}`))
    : answer(back(`error=${result.error}&kind=${kind}`), result.error);
}
