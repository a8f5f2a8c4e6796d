import { type NextRequest, NextResponse } from "next/server";
import { REQUEST_PATH_HEADER } from "@/lib/auth/next-path";
import { cookieWithLocale, forcedLocale, pageCacheTarget } from "@/lib/page-cache/paths";

/** The only third-party frame: a YouTube video, on its page, after the visitor asked for it. */
const externalPlayerAllowed = (url: URL) =>
  url.pathname.startsWith("/videos/") && url.searchParams.has("play");

/**
 * A fresh nonce per request for a strict Content-Security-Policy: only this origin's scripts carrying
 * the nonce run, nothing is loaded from any other host. Next.js reads the nonce from the request's
 * policy header and puts it on its own scripts.
 */
export function proxy(request: NextRequest) {
  // Visitors' landing, FAQ and video pages come from the page cache, script-free (lib/page-cache).
  const cached = pageCacheTarget({ method: request.method, url: request.nextUrl, headers: request.headers });
  if (cached)
    return NextResponse.rewrite(new URL(cached.route, request.url), { request: { headers: cached.headers } });
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV === "development";
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    externalPlayerAllowed(request.nextUrl)
      ? "frame-src 'self' https://www.youtube-nocookie.com"
      : "frame-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  // Server components cannot read the URL: the login redirect (requireUser) takes the page from here.
  // The not-found page rendered in place of another (lib/http/not-found-shell.ts) names that one.
  if (request.nextUrl.pathname !== "/_not-found")
    requestHeaders.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  // hreflang alternates (?lang=ar) show the page in that language without changing the visitor's choice.
  const lang = forcedLocale(request.nextUrl.searchParams);
  if (lang) requestHeaders.set("cookie", cookieWithLocale(request.headers.get("cookie"), lang));
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: static files, images and API routes need no nonce. Attachments keep their own
  // sandboxing policy (their route handlers), which the pages' policy would replace.
  matcher: [
    { source: "/((?!api/|_next/static|_next/image|favicon.ico|forum/attachments/|messages/attachments/).*)" },
  ],
};
