import { forCoordinator } from "@/lib/campaigns/api";
import { countRecipients } from "@/lib/campaigns/audience";
import { AUDIENCE_LISTS } from "@/lib/campaigns/constants";
import { AudienceInput, toAudience } from "@/lib/campaigns/schema";
import { formValues } from "@/lib/forms/schema";

export const dynamic = "force-dynamic";

/** The segment builder's live count: the form as it is now → how many people it reaches. */
export async function POST(request: Request): Promise<Response> {
  return forCoordinator(request, async () => {
    const parsed = AudienceInput.safeParse(formValues(await request.formData(), AUDIENCE_LISTS));
    return { count: parsed.success ? await countRecipients(toAudience(parsed.data)) : 0 };
  });
}
