import { turnOffByToken } from "@/lib/notifications/settings-mutations";
import { verifyTurnOffToken } from "@/lib/notifications/tokens";

export const dynamic = "force-dynamic";

/**
 * RFC 8058 one-click unsubscribe: mail programs POST here (List-Unsubscribe-Post). A GET (someone
 * opening the address) shows the confirmation page instead, so link scanners change nothing.
 */
export async function POST(request: Request) {
  const token = verifyTurnOffToken(new URL(request.url).searchParams.get("token"));
  const done = token ? await turnOffByToken(token) : false;
  return new Response(done ? "OK" : "Invalid link", {
    status: done ? 200 : 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function GET(request: Request) {
  const url = new URL(request.url);
  const target = new URL("/notifications/off", url);
  const token = url.searchParams.get("token");
  if (token) target.searchParams.set("token", token);
  return Response.redirect(target, 303);
}
