import "server-only";
import { may } from "@/lib/admin/permissions";
import { getViewerFromRequest } from "@/lib/auth/viewer";

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** Runs `handle` for someone who may manage campaigns; anyone else gets 404, as on the admin pages. */
export async function forCoordinator(request: Request, handle: () => Promise<unknown>): Promise<Response> {
  if (!may(await getViewerFromRequest(request), "campaigns.manage")) return json({ error: "not_found" }, 404);
  return json(await handle());
}
