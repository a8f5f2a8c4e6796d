/**
 * Cached pages are sent without any script: they are complete server-rendered HTML, every link and
 * form works without JavaScript, and a policy of `script-src 'none'` needs no per-request nonce.
 */
export function stripScripts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*\brel="(?:preload|modulepreload)"[^>]*\bas="script"[^>]*\/?>/gi, "")
    .replace(/<link\b[^>]*\bas="script"[^>]*\brel="(?:preload|modulepreload)"[^>]*\/?>/gi, "")
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*\/?>/gi, "")
    .replace(/\snonce="[^"]*"/g, "");
}

/** React leaves these when a Suspense boundary streamed in late: such HTML needs its scripts. */
export function needsScripts(html: string): boolean {
  return /<template\b[^>]*\bid="[BP]:|<div hidden id="S:/.test(html);
}

export const CACHED_PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
  "object-src 'none'",
].join("; ");

/** Headers of every page the cache sends, hit or miss. */
export const CACHED_PAGE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": CACHED_PAGE_POLICY,
  "Cache-Control": "private, no-cache",
  Vary: "Cookie, Accept-Language",
};
