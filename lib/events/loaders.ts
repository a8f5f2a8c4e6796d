import "server-only";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/viewer";
import { toEventViewer } from "./access";
import { listAttendees } from "./attendee-data";
import { listOccurrences } from "./data";
import { getEventForEdit } from "./editor-data";

/** An event's attendee list for one date, for those who may edit the event; anyone else: not found. */
export async function loadAttendees(eventId: string, slotDate: string | undefined) {
  const viewer = toEventViewer(await requireUser());
  const event = await getEventForEdit(eventId, viewer);
  if (!event) notFound();
  const occurrences = await listOccurrences(event.id);
  const now = Date.now();
  const selected =
    occurrences.find((o) => o.slotDate === slotDate) ??
    occurrences.find((o) => o.endsAt.getTime() >= now) ??
    occurrences.at(-1);
  if (!selected) notFound();
  return { event, occurrences, selected, attendees: await listAttendees(selected.id) };
}
