import { mentionSuggestionsResponse } from "@/lib/forum/mention-suggestions";

export const dynamic = "force-dynamic";

/** Members to mention for what was typed after "@" in the forum's composer (?q=Jö&thread=12 or &category=…). */
export async function GET(request: Request): Promise<Response> {
  return mentionSuggestionsResponse(request);
}
