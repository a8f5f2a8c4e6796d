import { unsubscribe } from "@/lib/campaigns/subscriptions";
import { verifyUnsubscribeToken } from "@/lib/campaigns/tokens";

export const dynamic = "force-dynamic";

const text = (body: string, status: number) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * RFC 8058 one-click unsubscribe: the mail client POSTs `List-Unsubscribe=One-Click` here and the
 * address is unsubscribed at once, no page in between. The page's button posts here too (`from=page`)
 * and is sent back to the page.
 */
export async function POST(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const token = verifyUnsubscribeToken(url.searchParams.get("token"));
  if (!token) return text("Invalid or forged unsubscribe link.", 400);
  if (token.test) return text("A link from a test mail: nobody was unsubscribed.", 200);
  await unsubscribe(token);
  const form = await request.formData().catch(() => null);
  if (form?.get("from") === "page") {
    return new Response(null, { status: 303, headers: { Location: "/unsubscribe?done=1" } });
  }
  return text("Unsubscribed.", 200);
}

/** Someone opened the header's URL in a browser: the page with the single button. */
export function GET(request: Request): Response {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return new Response(null, {
    status: 303,
    headers: { Location: `/unsubscribe?token=${encodeURIComponent(token)}` },
  });
}
