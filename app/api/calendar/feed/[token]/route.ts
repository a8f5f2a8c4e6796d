import { personalFeedResponse } from "@/lib/events/feeds";

/** A member's secret calendar subscription; the token is the only credential. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  return personalFeedResponse((await params).token);
}
