import type { FormState } from "@/lib/forms/state";
import { berlinClock, berlinDate } from "./time";

export type EventFormValues = Record<string, string | string[]>;

/**
 * The edit form's state: when the event changed since the form was loaded, `current` says what it is
 * now (its title, and its first date's day and time in the viewer's language) above the form.
 */
export type EventFormState = FormState & { current?: { title: string; when: string } };

/**
 * The edit form's starting values for a saved event (dates and times in Berlin), with `version`, the
 * event's sequence, so a save from a form loaded before someone else's change is refused.
 */
export function eventFormValues(
  event: {
    title: string;
    description: string;
    topic: string | null;
    languages: string[];
    format: string;
    venue: string | null;
    address: string | null;
    municipality: string | null;
    onlineUrl: string | null;
    onlineUrlAttendeesOnly: boolean;
    accessibility: string | null;
    organiserOrganisationId: string | null;
    organiserUserId: string | null;
    visibility: string;
    groupId: string | null;
    startsAt: Date;
    durationMinutes: number;
    frequency: string;
    untilDate: string | null;
    capacity: number | null;
    sequence: number;
  },
  viewerId: string,
): EventFormValues {
  return {
    title: event.title,
    description: event.description,
    topic: event.topic ?? "",
    languages: event.languages,
    format: event.format,
    venue: event.venue ?? "",
    address: event.address ?? "",
    municipality: event.municipality ?? "",
    onlineUrl: event.onlineUrl ?? "",
    onlineUrlAttendeesOnly: event.onlineUrlAttendeesOnly ? "on" : "",
    accessibility: event.accessibility ?? "",
    organiser: event.organiserOrganisationId
      ? `org:${event.organiserOrganisationId}`
      : event.organiserUserId && event.organiserUserId !== viewerId
        ? `user:${event.organiserUserId}`
        : "self",
    visibility: event.visibility,
    groupId: event.groupId ?? "",
    date: berlinDate(event.startsAt),
    startTime: berlinClock(event.startsAt),
    endTime: berlinClock(new Date(event.startsAt.getTime() + event.durationMinutes * 60_000)),
    frequency: event.frequency,
    untilDate: event.untilDate ?? "",
    capacity: event.capacity === null ? "" : String(event.capacity),
    version: String(event.sequence),
  };
}

export const NEW_EVENT_VALUES: EventFormValues = {
  languages: ["de"],
  format: "in_person",
  onlineUrlAttendeesOnly: "on",
  organiser: "self",
  visibility: "public",
  frequency: "none",
  startTime: "10:00",
  endTime: "12:00",
};
