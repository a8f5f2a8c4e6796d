import "server-only";
import type { NextRequest } from "next/server";
import { LOCALE_COOKIE, localeCookie } from "@/lib/i18n/config";
import { findAccessState } from "./data";
import { SESSION_COOKIES } from "./viewer";

const startsSession = (response: Response) =>
  response.headers
    .getSetCookie()
    .some((cookie) =>
      SESSION_COOKIES.some((name) => cookie.startsWith(`${name}=`) && !cookie.startsWith(`${name}=;`)),
    );

/**
 * After a sign-in (the link or code callback answered with a new session), a browser that never chose
 * a language gets the account's: the one the member's mails are written in. A choice made on this
 * browser (its cookie) stays untouched.
 */
export async function withAccountLocale(request: NextRequest, response: Response): Promise<Response> {
  if (request.cookies.has(LOCALE_COOKIE) || !startsSession(response)) return response;
  const email = request.nextUrl.searchParams.get("email");
  const state = email ? await findAccessState(email) : null;
  if (!state) return response;
  const headers = new Headers(response.headers);
  headers.append("set-cookie", localeCookie(state.locale));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
