import type { NextRequest } from "next/server";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { CACHED_PAGE_HEADERS } from "@/lib/page-cache/html";
import { cacheablePageOf, LANG_HEADER, PATH_HEADER } from "@/lib/page-cache/paths";
import { renderVisitorPage } from "@/lib/page-cache/render";
import { cachedPage } from "@/lib/page-cache/store";

export const dynamic = "force-dynamic";

/**
 * Visitors' landing, FAQ and video pages, rewritten here by proxy.ts: served from this instance's
 * cache without scripts, so no nonce is needed and the render runs once per content change.
 */
export async function GET(request: NextRequest) {
  const page = cacheablePageOf(request.headers.get(PATH_HEADER));
  if (!page) return new Response("Not found", { status: 404 });
  const lang = request.headers.get(LANG_HEADER);
  const locale: Locale = isLocale(lang) ? lang : localeOfRequest(request);
  const headers: Record<string, string> = { ...CACHED_PAGE_HEADERS };
  const result = await cachedPage(page, locale, renderVisitorPage);
  if ("rendered" in result) {
    return new Response(result.rendered.html || "Service unavailable", {
      status: result.rendered.status,
      headers: {
        ...headers,
        "Cache-Control": "no-store",
        ...(result.rendered.location ? { Location: result.rendered.location } : {}),
      },
    });
  }
  headers.ETag = result.page.etag;
  headers["X-Page-Cache"] = result.hit ? "hit" : "miss";
  if (request.headers.get("if-none-match") === result.page.etag) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(result.page.html, { status: 200, headers });
}
