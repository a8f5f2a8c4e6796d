import type { NextRequest } from "next/server";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { tooManyRequestsResponse } from "@/lib/rate-limit/too-many-requests";

/** Where forms send a visitor who tried too often: a readable page with status 429. */
export function GET(request: NextRequest) {
  const locale = localeOfRequest(request);
  const retry = Number.parseInt(request.nextUrl.searchParams.get("retry") ?? "", 10);
  return tooManyRequestsResponse(locale, Number.isFinite(retry) && retry > 0 ? Math.min(retry, 86400) : 900);
}
