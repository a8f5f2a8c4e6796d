import { getNetworkLogo } from "@/lib/settings/data";

export const dynamic = "force-dynamic";

/** The network's logo (public: it is in every page's header). A new upload gets a new id and URL. */
export async function GET(request: Request) {
  const logo = await getNetworkLogo();
  if (!logo) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const etag = `"${logo.id}"`;
  const headers = {
    ETag: etag,
    "Cache-Control": "public, max-age=300",
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(logo.data), {
    headers: { ...headers, "Content-Type": logo.contentType, "Content-Length": String(logo.data.byteLength) },
  });
}
