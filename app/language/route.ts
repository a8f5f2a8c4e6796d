import type { NextRequest } from "next/server";
import { getViewerFromRequest } from "@/lib/auth/viewer";
import { isLocale, localeCookie } from "@/lib/i18n/config";
import { setUserLocale } from "@/lib/i18n/mutations";

/**
 * Remembers the chosen language and returns to the page the visitor came from (same site only),
 * without its `?lang=`, which would otherwise win over the choice just made. A signed-in person's
 * choice is stored with their account too, so their e-mails follow it: only for a click on this site.
 */
export async function GET(request: NextRequest) {
  const locale = request.nextUrl.searchParams.get("set");
  let back = "/";
  let fromThisSite = false;
  const referer = request.headers.get("referer");
  if (referer) {
    const from = new URL(referer);
    if (from.host === request.headers.get("host")) {
      from.searchParams.delete("lang");
      back = `${from.pathname}${from.search}`;
      fromThisSite = true;
    }
  }
  // Browsers say where a click came from (Sec-Fetch-Site); without that header the Referer decides.
  const site = request.headers.get("sec-fetch-site");
  const sameSite = site ? site === "same-origin" : fromThisSite;
  const response = new Response(null, { status: 303, headers: { location: back } });
  if (isLocale(locale)) {
    response.headers.append("set-cookie", localeCookie(locale));
    const viewer = sameSite ? await getViewerFromRequest(request) : null;
    if (viewer && viewer.locale !== locale) await setUserLocale({ userId: viewer.id, locale });
  }
  return response;
}
