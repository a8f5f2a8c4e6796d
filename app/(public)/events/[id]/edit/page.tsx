import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { requireUser } from "@/lib/auth/viewer";
import { toEventViewer } from "@/lib/events/access";
import { cancelEventAction, changeOccurrenceAction } from "@/lib/events/actions";
import { countAnswered, mostGoing } from "@/lib/events/attendee-data";
import { DateManager } from "@/lib/events/components/date-manager";
import { EventEditor } from "@/lib/events/components/event-editor";
import { listOccurrences } from "@/lib/events/data";
import { getEventForEdit, listGroupOptions, organisersFor } from "@/lib/events/editor-data";
import { eventFormValues } from "@/lib/events/form-values";
import { formatWhen } from "@/lib/events/format";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { FormAlert } from "@/lib/ui/components/form-alert";
import { ConfirmPanel } from "@/lib/users/components/confirm-panel";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const EDIT_SAVED = [
  "dateCancelled",
  "dateRestored",
  "moved",
  "updated",
  "placeChanged",
  "placeCleared",
] as const;

/** Only those who may edit the event; anyone else finds nothing here. */
const load = cache(async (id: string) => {
  const user = await requireUser();
  const viewer = toEventViewer(user)!;
  const event = await getEventForEdit(id, viewer);
  if (!event) notFound();
  return { user, viewer, event };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { event } = await load((await params).id);
  return { title: (await getTranslations("events"))("editTitle", { title: event.title }) };
}

export default async function EditEventPage({ params, searchParams }: Props) {
  const { user, viewer, event } = await load((await params).id);
  const query = await searchParams;
  const saved = query.saved;
  const t = await getTranslations("events");
  const [organisers, groups, occurrences, going] = await Promise.all([
    organisersFor(user, viewer, event),
    listGroupOptions(viewer),
    listOccurrences(event.id),
    mostGoing(event.id),
  ]);
  const heading = (
    <>
      <p className="mb-4">
        <a href={`/events/${event.id}`}>{event.title}</a>
      </p>
      <h1 className="mb-6 text-3xl font-bold">{t("editTitle", { title: event.title })}</h1>
    </>
  );
  // What everyone was told stands: a cancelled event is shown, not edited (the mutations refuse too).
  if (event.status === "cancelled")
    return (
      <>
        {heading}
        <p className="mb-8 max-w-2xl rounded-md border-2 border-danger bg-red-50 p-3 font-semibold text-danger">
          {t("cancelledReadOnly")}
        </p>
        {event.frequency !== "none" ? (
          <DateManager occurrences={occurrences} eventPlace={event} now={new Date()} readOnly />
        ) : null}
      </>
    );
  const here = `/events/${event.id}/edit`;
  // Cancelling a date people answered for is confirmed first: the date's own, coming and not yet cancelled.
  const dateToCancel = occurrences.find(
    (o) => o.id === query.cancelDate && !o.cancelled && o.endsAt >= new Date(),
  );
  const answered = dateToCancel ? await countAnswered(dateToCancel.id) : 0;
  const locale = await getLocale();
  return (
    <>
      {heading}
      {query.cancel === "1" ? (
        <ConfirmPanel
          heading={t("cancelEvent.confirmHeading", { title: event.title })}
          explanation={t("cancelEvent.confirmExplanation")}
          confirmLabel={t("cancelEvent.confirm")}
          cancelLabel={t("cancelEvent.keep")}
          cancelHref={here}
          action={cancelEventAction}
          fields={{ eventId: event.id, confirmed: "yes" }}
          danger
        />
      ) : null}
      {dateToCancel ? (
        <ConfirmPanel
          heading={t("dates.confirmHeading", {
            date: formatWhen(locale, dateToCancel.startsAt, dateToCancel.endsAt),
          })}
          explanation={t("dates.confirmExplanation", { count: answered })}
          confirmLabel={t("dates.confirm")}
          cancelLabel={t("dates.keep")}
          cancelHref={`${here}#dates`}
          action={changeOccurrenceAction}
          fields={{ occurrenceId: dateToCancel.id, change: "cancel", confirmed: "yes" }}
          danger
        />
      ) : null}
      {typeof saved === "string" && EDIT_SAVED.some((s) => s === saved) ? (
        <FormAlert kind="success">{t(`saved.${saved as (typeof EDIT_SAVED)[number]}`)}</FormAlert>
      ) : null}
      {event.frequency !== "none" ? (
        <DateManager occurrences={occurrences} eventPlace={event} now={new Date()} />
      ) : null}
      <h2 className="mb-4 text-2xl font-bold">{t("detailsTitle")}</h2>
      <ClientMessages namespaces={["events", "errors", "topics", "languages"]}>
        <EventEditor
          eventId={event.id}
          initial={eventFormValues(event, viewer.id)}
          organisers={organisers}
          groups={groups}
          capacityNote={
            event.capacity !== null && going > event.capacity
              ? t("form.capacityKept", { count: going, capacity: event.capacity })
              : undefined
          }
        />
      </ClientMessages>
      {event.status === "scheduled" ? (
        <section aria-labelledby="cancel-heading" className="mt-12 rounded-lg border-2 border-danger p-4">
          <h2 id="cancel-heading" className="mb-2 text-xl font-bold">
            {t("cancelEvent.title")}
          </h2>
          <p className="mb-3 max-w-2xl">{t("cancelEvent.hint")}</p>
          {/* A second step asks first (a plain page, no scripts needed): every attendee is mailed. */}
          <a
            href={`${here}?cancel=1#confirm-heading`}
            className="inline-flex min-h-11 items-center rounded-md bg-danger px-5 py-2 font-semibold text-white no-underline"
          >
            {t("cancelEvent.submit")}
          </a>
        </section>
      ) : null}
    </>
  );
}
