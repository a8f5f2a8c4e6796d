import { forCoordinator } from "@/lib/campaigns/api";
import { campaignProgress } from "@/lib/campaigns/data";

export const dynamic = "force-dynamic";

/** The sending page's progress bar polls this. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return forCoordinator(request, async () => (await campaignProgress(id)) ?? { status: "gone" });
}
