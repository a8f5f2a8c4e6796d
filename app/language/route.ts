import type { NextRequest } from "next/server";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

/**
 * Remembers the chosen language and returns to the page the visitor came from (same site only),
 * without its `?lang=`, which would otherwise win over the choice just made.
 */
export function GET(request: NextRequest) {
  const locale = request.nextUrl.searchParams.get("set");
  let back = "/";
  const referer = request.headers.get("referer");
  if (referer) {
    const from = new URL(referer);
    if (from.host === request.headers.get("host")) {
      from.searchParams.delete("lang");
      back = `${from.pathname}${from.search}`;
    }
  }
  const response = new Response(null, { status: 303, headers: { location: back } });
  if (isLocale(locale)) {
    response.headers.append(
      "set-cookie",
      `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`,
    );
  }
  return response;
}
