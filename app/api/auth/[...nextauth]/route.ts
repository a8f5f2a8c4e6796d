import type { NextRequest } from "next/server";
import { withAccountLocale } from "@/lib/auth/account-locale";
import { handlers } from "@/lib/auth/config";
import { normalizeCode } from "@/lib/auth/tokens";
import { localeOfRequest } from "@/lib/i18n/request-locale";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { hitRateLimits } from "@/lib/rate-limit/mutations";
import { callbackLimits, signInLimits } from "@/lib/rate-limit/policies";
import { tooManyRequestsResponse } from "@/lib/rate-limit/too-many-requests";

/**
 * Opening a link or typing a code is rate-limited; a typed code is normalised ("k7p4-qx2m" works).
 * A browser without a language of its own then takes the account's (withAccountLocale).
 */
export async function GET(request: NextRequest) {
  const url = request.nextUrl;
  if (url.pathname.includes("/callback/")) {
    const limit = await hitRateLimits(callbackLimits(clientIp(request.headers)));
    if (!limit.allowed) return tooManyRequestsResponse(localeOfRequest(request), limit.retryAfterSeconds);
    const token = url.searchParams.get("token");
    if (token && token.length <= 12) {
      const normalized = new URL(url);
      normalized.searchParams.set("token", normalizeCode(token));
      normalized.searchParams.set("email", (url.searchParams.get("email") ?? "").trim().toLowerCase());
      const typed = new Request(normalized, request) as NextRequest;
      return withAccountLocale(request, await handlers.GET(typed));
    }
    return withAccountLocale(request, await handlers.GET(request));
  }
  return handlers.GET(request);
}

/** Auth.js's own e-mail endpoint sends links too, so it shares the sign-in limits. */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.includes("/signin/")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "")
      .trim()
      .toLowerCase();
    const limit = await hitRateLimits(signInLimits(clientIp(request.headers), email));
    if (!limit.allowed) return tooManyRequestsResponse(localeOfRequest(request), limit.retryAfterSeconds);
  }
  return handlers.POST(request);
}
