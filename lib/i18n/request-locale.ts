import type { NextRequest } from "next/server";
import { isLocale, LOCALE_COOKIE, type Locale, negotiateLocale } from "./config";

/** The visitor's language inside a route handler. */
export function localeOfRequest(request: NextRequest): Locale {
  const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : negotiateLocale(request.headers.get("accept-language"));
}
