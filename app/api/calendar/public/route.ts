import { publicFeedResponse } from "@/lib/events/feeds";

export const dynamic = "force-dynamic";

/** Every public event as a calendar subscription. */
export async function GET() {
  return publicFeedResponse();
}
