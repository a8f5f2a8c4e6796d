"use server";

import { notFound, redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db/client";
import { getViewer, requireUser } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { formAction, MAX_ECHO } from "@/lib/forms/action";
import { formValues } from "@/lib/forms/schema";
import { type EventViewer, mayCreateEvents, mayEditEvent, toEventViewer } from "./access";
import { countAnswered, mostGoing } from "./attendee-data";
import { getOccurrenceForViewer } from "./data";
import { moveOccurrence, setOccurrencePlace, setOccurrenceStatus } from "./date-mutations";
import {
  type EditableEvent,
  getEventForEdit,
  listGroupOptions,
  organisersFor,
  organiserValue,
} from "./editor-data";
import type { EventFormState } from "./form-values";
import { formatWhen } from "./format";
import {
  cancelEvent,
  createEvent,
  EVENT_CHANGED_MEANWHILE,
  type EventData,
  renewFeedToken,
  revokeFeedToken,
  updateEvent,
} from "./mutations";
import { respond } from "./rsvp-mutations";
import {
  CancelEvent,
  ClearOccurrencePlace,
  EventInput,
  EventUpdate,
  MoveOccurrence,
  OccurrenceChange,
  OccurrencePlace,
  Rsvp,
} from "./schema";
import { berlinDateTimeToUtc } from "./time";

const MULTI = ["languages"] as const;

/** Checks the organiser and group choices against what this person may pick, then builds the row. */
async function toEventData(
  { user, viewer }: Editor,
  input: EventInput,
  current: { organiserUserId: string | null } | null = null,
) {
  const [organisers, groups] = await Promise.all([
    organisersFor(user, viewer, current),
    listGroupOptions(viewer),
  ]);
  // Editing someone else's event may keep its organiser (a member other than the editor).
  const organiser = organiserValue(organisers, input.organiser);
  if (!organiser) throw new AppError({ code: "invalid", message: "unknownOrganiser", field: "organiser" });
  if (input.visibility === "group" && !groups.some((g) => g.value === input.groupId))
    throw new AppError({ code: "invalid", message: "unknownGroup", field: "groupId" });
  const startsAt = berlinDateTimeToUtc(input.date, input.startTime);
  const endsAt = berlinDateTimeToUtc(input.date, input.endTime);
  const data: EventData = {
    title: input.title,
    description: input.description ?? "",
    topic: input.topic ?? null,
    languages: input.languages,
    format: input.format,
    venue: input.format === "in_person" ? (input.venue ?? null) : null,
    address: input.format === "in_person" ? (input.address ?? null) : null,
    municipality: input.municipality ?? null,
    onlineUrl: input.format === "online" ? (input.onlineUrl ?? null) : null,
    onlineUrlAttendeesOnly: input.onlineUrlAttendeesOnly,
    accessibility: input.accessibility ?? null,
    organiserUserId:
      organiser === "self" ? viewer.id : organiser.startsWith("user:") ? organiser.slice(5) : null,
    organiserOrganisationId: organiser.startsWith("org:") ? organiser.slice(4) : null,
    visibility: input.visibility,
    groupId: input.visibility === "group" ? (input.groupId ?? null) : null,
    startsAt,
    durationMinutes: Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000),
    frequency: input.frequency,
    untilDate: input.frequency === "none" ? null : (input.untilDate ?? null),
    capacity: input.capacity ?? null,
  };
  return data;
}

type Editor = {
  user: { name: string | null; email: string | null };
  viewer: NonNullable<EventViewer>;
};

async function editor(): Promise<Editor> {
  const user = await getViewer();
  const viewer = toEventViewer(user);
  if (!user || !viewer) notFound();
  return { user, viewer };
}

export const createEventAction = formAction(
  EventInput,
  async (input) => {
    const who = await editor();
    if (!(await mayCreateEvents(await getDb(), who.viewer))) notFound();
    const { eventId } = await createEvent({ actorId: who.viewer.id, data: await toEventData(who, input) });
    redirect(`/events/${eventId}?saved=created`);
  },
  { multi: MULTI },
);

/**
 * The edit form from a version of the event older than the saved one: nothing was written. Everything
 * typed comes back, with the event as it is now; the form takes on the current version, so saving
 * again deliberately overwrites the other change.
 */
async function changedMeanwhile(event: EditableEvent, formData: FormData): Promise<EventFormState> {
  const typed = Object.entries(formValues(formData, MULTI)).map(([k, v]) => [
    k,
    typeof v === "string" ? v.slice(0, MAX_ECHO) : v,
  ]);
  const ends = new Date(event.startsAt.getTime() + event.durationMinutes * 60_000);
  return {
    status: "error",
    fieldErrors: {},
    formError: EVENT_CHANGED_MEANWHILE,
    values: { ...Object.fromEntries(typed), version: String(event.sequence) },
    current: { title: event.title, when: formatWhen(await getLocale(), event.startsAt, ends) },
  };
}

export const updateEventAction: (previous: EventFormState, formData: FormData) => Promise<EventFormState> =
  formAction(
    EventUpdate,
    async (input, formData) => {
      const who = await editor();
      const event = await getEventForEdit(input.eventId, who.viewer);
      if (!event) notFound();
      // Said before anything else about the form (a cancelled event says so in the mutation).
      if (event.status === "scheduled" && event.sequence !== input.version)
        return changedMeanwhile(event, formData);
      try {
        await updateEvent({
          actorId: who.viewer.id,
          eventId: event.id,
          data: await toEventData(who, input, event),
          sequence: input.version,
        });
      } catch (error) {
        if (!(error instanceof AppError && error.message === EVENT_CHANGED_MEANWHILE)) throw error;
        // Changed between the check above and the row lock: the version that won.
        const current = await getEventForEdit(event.id, who.viewer);
        if (!current) notFound();
        return changedMeanwhile(current, formData);
      }
      // Fewer seats than people already registered: they keep their seat, and the form says so beside the field.
      if (input.capacity !== undefined && (await mostGoing(event.id)) > input.capacity)
        redirect(`/events/${event.id}/edit?saved=updated#event-capacity`);
      redirect(`/events/${event.id}?saved=updated`);
    },
    { multi: MULTI },
  );

/** RSVP buttons: a plain form post that comes back to the event page with the outcome. */
export async function rsvpAction(formData: FormData): Promise<void> {
  const viewer = await requireUser();
  const parsed = Rsvp.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const occurrence = await getOccurrenceForViewer(parsed.data.occurrenceId, toEventViewer(viewer));
  if (!occurrence) notFound();
  const back = `/events/${occurrence.eventId}?date=${occurrence.slotDate}`;
  let state: string;
  try {
    state = (
      await respond({ occurrenceId: occurrence.id, userId: viewer.id, response: parsed.data.response })
    ).state;
  } catch (error) {
    if (error instanceof AppError) redirect(`${back}&error=${error.message}#rsvp`);
    throw error;
  }
  redirect(`${back}&rsvp=${state}#rsvp`);
}

/** Organiser actions on one date of a series. */
async function requireOccurrenceEditor(occurrenceId: string) {
  const { viewer } = await editor();
  const occurrence = await getOccurrenceForViewer(occurrenceId, viewer);
  if (!occurrence || !(await mayEditEvent(await getDb(), viewer, occurrence))) notFound();
  return { viewer, occurrence };
}

export async function changeOccurrenceAction(formData: FormData): Promise<void> {
  const parsed = OccurrenceChange.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { viewer, occurrence } = await requireOccurrenceEditor(parsed.data.occurrenceId);
  // Everyone who answered is mailed at once: a second step asks first (a plain page, no scripts needed).
  if (
    parsed.data.change === "cancel" &&
    parsed.data.confirmed !== "yes" &&
    (await countAnswered(occurrence.id)) > 0
  )
    redirect(`/events/${occurrence.eventId}/edit?cancelDate=${occurrence.id}#confirm-heading`);
  try {
    await setOccurrenceStatus({
      actorId: viewer.id,
      occurrenceId: occurrence.id,
      status: parsed.data.change === "cancel" ? "cancelled" : "scheduled",
    });
  } catch (error) {
    // The event was cancelled meanwhile: its edit page now says so.
    if (error instanceof AppError && error.message === "eventCancelled")
      redirect(`/events/${occurrence.eventId}/edit`);
    throw error;
  }
  const saved = parsed.data.change === "cancel" ? "dateCancelled" : "dateRestored";
  redirect(`/events/${occurrence.eventId}/edit?saved=${saved}#dates`);
}

export const moveOccurrenceAction = formAction(MoveOccurrence, async (input) => {
  const { viewer, occurrence } = await requireOccurrenceEditor(input.occurrenceId);
  await moveOccurrence({
    actorId: viewer.id,
    occurrenceId: occurrence.id,
    startsAt: berlinDateTimeToUtc(input.date, input.startTime),
    endsAt: berlinDateTimeToUtc(input.date, input.endTime),
  });
  redirect(`/events/${occurrence.eventId}/edit?saved=moved#dates`);
});

/** Gives one date its own place; its attendees are told. */
export const setOccurrencePlaceAction = formAction(OccurrencePlace, async (input) => {
  const { viewer, occurrence } = await requireOccurrenceEditor(input.occurrenceId);
  await setOccurrencePlace({
    actorId: viewer.id,
    occurrenceId: occurrence.id,
    place: {
      format: input.format,
      venue: input.venue ?? null,
      address: input.address ?? null,
      onlineUrl: input.onlineUrl ?? null,
      municipality: input.municipality ?? null,
    },
  });
  redirect(`/events/${occurrence.eventId}/edit?saved=placeChanged#dates`);
});

/** The date takes place where the event does again: a plain form post. */
export async function clearOccurrencePlaceAction(formData: FormData): Promise<void> {
  const parsed = ClearOccurrencePlace.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { viewer, occurrence } = await requireOccurrenceEditor(parsed.data.occurrenceId);
  try {
    await setOccurrencePlace({ actorId: viewer.id, occurrenceId: occurrence.id, place: null });
  } catch (error) {
    // The event was cancelled meanwhile: its edit page now says so.
    if (error instanceof AppError && error.message === "eventCancelled")
      redirect(`/events/${occurrence.eventId}/edit`);
    throw error;
  }
  redirect(`/events/${occurrence.eventId}/edit?saved=placeCleared#dates`);
}

export async function cancelEventAction(formData: FormData): Promise<void> {
  const parsed = CancelEvent.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { viewer } = await editor();
  const event = await getEventForEdit(parsed.data.eventId, viewer);
  if (!event) notFound();
  // Only from the confirmation step: anything else is sent there first.
  if (parsed.data.confirmed !== "yes") redirect(`/events/${event.id}/edit?cancel=1#confirm-heading`);
  await cancelEvent({ actorId: viewer.id, eventId: event.id });
  redirect(`/events/${event.id}?saved=cancelled`);
}

export async function renewFeedAction(): Promise<void> {
  const viewer = await requireUser();
  await renewFeedToken(viewer.id);
  redirect("/events/calendar?saved=renewed");
}

export async function revokeFeedAction(): Promise<void> {
  const viewer = await requireUser();
  await revokeFeedToken(viewer.id);
  redirect("/events/calendar?saved=revoked");
}
