import { getViewerFromRequest } from "@/lib/auth/viewer";
import { berlinDate } from "@/lib/events/time";
import { exportUserData } from "@/lib/privacy/data";

export const dynamic = "force-dynamic";

/** The signed-in person's own data as a JSON download; nobody else's, and nothing without a session. */
export async function GET(request: Request) {
  const viewer = await getViewerFromRequest(request);
  if (!viewer) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const data = await exportUserData({ userId: viewer.id });
  const day = berlinDate(new Date()); // today where the network is, not in UTC (a day behind after midnight)
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="knotenpunkt-data-${day}.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
