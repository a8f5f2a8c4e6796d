import "server-only";
import { env } from "@/lib/env";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import { needsScripts, stripScripts } from "./html";
import { BYPASS_HEADER } from "./paths";
import type { Rendered } from "./store";

// The render asks this very instance (the port it listens on), never the Host header's server (which
// a visitor chooses).
const ORIGIN = `http://127.0.0.1:${env.PORT}`;

/**
 * Renders a page as a visitor in this language would get it, through the normal dynamic path. The
 * user agent is one Next treats as a limited crawler, so metadata arrives in <head>, not streamed.
 */
export async function renderVisitorPage(path: string, locale: Locale): Promise<Rendered> {
  const response = await fetch(`${ORIGIN}${path}`, {
    headers: {
      cookie: `${LOCALE_COOKIE}=${locale}`,
      "accept-language": locale,
      [BYPASS_HEADER]: "render",
      "user-agent": "Knotenpunkt-PageCache (Slurp)",
    },
    redirect: "manual",
    cache: "no-store",
  });
  const html = await response.text();
  if (response.status === 200 && needsScripts(html)) {
    console.error(`page cache: ${path} streamed a late Suspense boundary; not cached`);
    return { status: 503, html: "" };
  }
  const location = response.headers.get("location") ?? undefined;
  return { status: response.status, html: stripScripts(html), location };
}
