import { directionOf, type Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";

/** A readable 429 page in the visitor's language, usable from any route handler. */
export function tooManyRequestsResponse(locale: Locale, retryAfterSeconds: number): Response {
  const t = translatorFor(locale);
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const html = `<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t("rateLimit.title")}</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;padding:2rem 1rem;color:#1a1a1a;background:#fff;line-height:1.5;font-size:1.125rem}main{max-width:36rem;margin:0 auto}a{color:#0b5394}a:focus{outline:3px solid #0b5394;outline-offset:2px}</style>
</head><body><main><h1>${t("rateLimit.title")}</h1><p>${t("rateLimit.body", { minutes })}</p>
<p><a href="/">${t("rateLimit.home")}</a></p></main></body></html>`;
  return new Response(html, {
    status: 429,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(retryAfterSeconds) },
  });
}
