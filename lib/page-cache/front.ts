import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { SECURITY_HEADERS } from "@/lib/http/security-headers";
import { localeOfHeaders } from "@/lib/i18n/config";
import { CACHED_PAGE_HEADERS } from "./html";
import { pageCacheRequest } from "./paths";
import { type CachedPage, freshPage } from "./state";

const HEADERS = {
  ...Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value])),
  ...CACHED_PAGE_HEADERS,
  Vary: `${CACHED_PAGE_HEADERS.Vary}, Accept-Encoding`,
  "X-Page-Cache": "hit",
};

/** Each stored page's bytes, encoded once: a hit only writes them. */
const bodies = new WeakMap<CachedPage, { plain: Buffer; gzip?: Buffer }>();

function bodyOf(entry: CachedPage, gzip: boolean): Buffer {
  let body = bodies.get(entry);
  if (!body) {
    body = { plain: Buffer.from(entry.html) };
    bodies.set(entry, body);
  }
  if (!gzip) return body.plain;
  body.gzip ??= gzipSync(body.plain);
  return body.gzip;
}

/**
 * The fast path in front of Next (scripts/serve.ts): a visitor's request for a cached page that is
 * certainly current is answered straight from the page cache, as the cache route would answer it.
 * Returns false for everything else (signed in, a miss, versions not checked within the second),
 * which Next then handles through proxy.ts and the cache route.
 */
export function servePageFromCache(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== "GET" || !request.url) return false;
  // Next answers whatever is not a plain path (and a malformed one with its own 400).
  if (!request.url.startsWith("/") || !URL.canParse(request.url, "http://localhost")) return false;
  const url = new URL(request.url, "http://localhost");
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
  const target = pageCacheRequest({ method: request.method, url, header });
  if (!target) return false;
  const locale = target.lang ?? localeOfHeaders(header("cookie"), header("accept-language"));
  const entry = freshPage(target.page.path, target.page.scopes, locale);
  if (!entry) return false;

  const headers: Record<string, string | number> = { ...HEADERS, ETag: entry.etag };
  if (header("if-none-match") === entry.etag) {
    response.writeHead(304, headers).end();
    return true;
  }
  const gzip = /\bgzip\b/.test(header("accept-encoding") ?? "");
  const body = bodyOf(entry, gzip);
  if (gzip) headers["Content-Encoding"] = "gzip";
  headers["Content-Length"] = body.length;
  response.writeHead(200, headers).end(body);
  return true;
}
