import { getViewerFromRequest, hasRole } from "@/lib/auth/viewer";
import { isLocale } from "@/lib/i18n/config";
import { getCaptions } from "@/lib/videos/data";

export const dynamic = "force-dynamic";

/** A video's WebVTT captions in one language; those of unpublished videos for coordinators only. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; locale: string }> }) {
  const { id, locale } = await params;
  const missing = new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  if (id.length > 64 || !isLocale(locale)) return missing;
  const captions = await getCaptions({ videoId: id, locale });
  if (!captions) return missing;
  if (!captions.isPublic) {
    const viewer = await getViewerFromRequest(request);
    if (viewer?.status !== "approved" || !hasRole(viewer, "coordinator")) return missing;
  }
  return new Response(captions.vtt, {
    headers: {
      "Content-Type": "text/vtt; charset=utf-8",
      "Cache-Control": captions.isPublic ? "public, max-age=60" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
