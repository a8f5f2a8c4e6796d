import type { NextRequest } from "next/server";
import { getViewerFromRequest } from "@/lib/auth/viewer";
import { attendeesCsvResponse } from "@/lib/events/feeds";

/** The attendee list of one date as CSV, for those who may edit the event. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const date = request.nextUrl.searchParams.get("date") ?? undefined;
  return attendeesCsvResponse((await params).id, date, await getViewerFromRequest(request));
}
