import { compileCampaignBody } from "@/emails/campaign";
import { forCoordinator } from "@/lib/campaigns/api";
import { MAX_BODY } from "@/lib/campaigns/constants";

export const dynamic = "force-dynamic";

/** The compose form's live preview: Markdown → the mail's HTML and plain-text versions. */
export async function POST(request: Request): Promise<Response> {
  return forCoordinator(request, async () => {
    const form = await request.formData();
    const body = String(form.get("body") ?? "").slice(0, MAX_BODY);
    const name = String(form.get("name") ?? "").slice(0, 100) || null;
    const compiled = compileCampaignBody(body);
    return { html: compiled.html(name), text: compiled.text(name) };
  });
}
