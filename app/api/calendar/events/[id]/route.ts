import type { NextRequest } from "next/server";
import { getViewerFromRequest } from "@/lib/auth/viewer";
import { eventIcsResponse } from "@/lib/events/feeds";
import { localeOfRequest } from "@/lib/i18n/request-locale";

/** One event as iCalendar; also served at /events/<id>.ics (rewrite in next.config.ts). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return eventIcsResponse(
    id.replace(/\.ics$/, ""),
    await getViewerFromRequest(request),
    localeOfRequest(request),
  );
}
