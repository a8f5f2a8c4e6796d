import { forCoordinator } from "@/lib/campaigns/api";
import { getImportProgress } from "@/lib/campaigns/import-data";

export const dynamic = "force-dynamic";

/** The import page's progress bar polls this; anyone but a coordinator gets 404. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return forCoordinator(
    request,
    async () => (await getImportProgress(id.slice(0, 64))) ?? { status: "gone" },
  );
}
