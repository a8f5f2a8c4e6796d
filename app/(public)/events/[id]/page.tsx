import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { getViewer } from "@/lib/auth/viewer";
import { toEventViewer } from "@/lib/events/access";
import { getContactShownToOrganisers } from "@/lib/events/attendee-data";
import { RsvpPanel, type RsvpViewer } from "@/lib/events/components/rsvp-panel";
import { getEventDetail } from "@/lib/events/data";
import { formatDayTime, formatWhen, placeOf } from "@/lib/events/format";
import { formatList } from "@/lib/i18n/intl";
import { getTranslations } from "@/lib/i18n/server";
import { renderMarkdown } from "@/lib/markdown/render";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { FormAlert } from "@/lib/ui/components/form-alert";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** Visible events only: anyone else finds nothing here, whether it exists or not. */
const load = cache(async (id: string, slotDate: string | undefined) => {
  const viewer = await getViewer();
  const event = await getEventDetail({ eventId: id, viewer: toEventViewer(viewer), slotDate });
  if (!event) notFound();
  const rsvpViewer: RsvpViewer =
    viewer?.status === "approved"
      ? { kind: "member", sharedContact: await getContactShownToOrganisers(viewer.id) }
      : viewer
        ? { kind: "applicant" }
        : { kind: "visitor" };
  return { event, rsvpViewer };
});

const dateParam = (value: string | undefined) => value?.match(/^\d{4}-\d{2}-\d{2}$/)?.[0];

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { event } = await load((await params).id, dateParam(one((await searchParams).date)));
  return { title: event.title };
}

const SAVED = ["created", "updated", "cancelled"] as const;
const RSVP_STATES = ["going", "waiting", "maybe", "no"] as const;

export default async function EventPage({ params, searchParams }: Props) {
  const search = await searchParams;
  const { event, rsvpViewer } = await load((await params).id, dateParam(one(search.date)));
  const t = await getTranslations("events");
  const tc = await getTranslations();
  const locale = await getLocale();
  const now = new Date();
  const date = event.selected;
  const saved = SAVED.find((s) => s === one(search.saved));
  const rsvp = RSVP_STATES.find((s) => s === one(search.rsvp));
  const error = one(search.error);
  const comingDates = event.occurrences.filter((o) => o.endsAt >= now).slice(0, 12);
  return (
    <article>
      <p className="mb-4">
        <a href="/events">{t("backToList")}</a>
      </p>
      {saved ? <FormAlert kind="success">{t(`saved.${saved}`)}</FormAlert> : null}
      <h1 className="mb-2 text-3xl font-bold">{event.title}</h1>
      {event.status === "cancelled" ? (
        <p className="mb-4 rounded-md border-2 border-danger bg-red-50 p-3 font-semibold text-danger">
          {t("eventCancelled")}
        </p>
      ) : date?.cancelled ? (
        <p className="mb-4 rounded-md border-2 border-danger bg-red-50 p-3 font-semibold text-danger">
          {t("dateCancelledNote")}
        </p>
      ) : null}
      <dl className="mb-6 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        {date ? (
          <>
            <dt className="font-semibold">{t("whenLabel")}</dt>
            <dd>
              <time dateTime={date.startsAt.toISOString()}>
                {formatWhen(locale, date.startsAt, date.endsAt)}
              </time>
              {date.moved ? (
                <span className="block text-sm">
                  {t("movedFrom", {
                    date: formatDayTime(locale, date.originalStartsAt),
                  })}
                </span>
              ) : null}
              {event.frequency !== "none" ? (
                <span className="block text-sm">{t(`frequencies.${event.frequency}`)}</span>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">{t("whereLabel")}</dt>
        <dd>
          {event.format === "online" ? (
            <>
              {t("online")}
              {event.onlineUrl ? (
                <span className="block">
                  {t("onlineLink")}: <a href={event.onlineUrl}>{event.onlineUrl}</a>
                </span>
              ) : (
                <span className="block text-sm">{t("onlineLinkHidden")}</span>
              )}
            </>
          ) : (
            <>
              {event.venue ? <span className="block">{event.venue}</span> : null}
              {event.address ? <span className="block">{event.address}</span> : null}
            </>
          )}
          {event.municipality ? <span className="block text-sm">{event.municipality}</span> : null}
          {event.selectedOwnPlace ? <span className="block text-sm">{t("ownPlaceNote")}</span> : null}
        </dd>
        {event.languages.length > 0 ? (
          <>
            <dt className="font-semibold">{t("languagesLabel")}</dt>
            <dd>
              {formatList(
                locale,
                event.languages.map((l) => tc(`languages.${l}`)),
              )}
            </dd>
          </>
        ) : null}
        {event.topic ? (
          <>
            <dt className="font-semibold">{t("topic")}</dt>
            <dd>{tc(`topics.${event.topic}`)}</dd>
          </>
        ) : null}
        {event.organiser || event.organiserWithheld ? (
          <>
            <dt className="font-semibold">{t("organiserLabel")}</dt>
            <dd>
              {event.organiserOrganisationSlug ? (
                <a href={`/organisations/${event.organiserOrganisationSlug}`}>{event.organiser}</a>
              ) : (
                (event.organiser ?? t("withheldName"))
              )}
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">{t("visibilityLabel")}</dt>
        <dd>
          {event.visibility === "group" && event.groupName
            ? t("visibleToGroup", { name: event.groupName })
            : t(`visibilities.${event.visibility}`)}
        </dd>
        {event.accessibility ? (
          <>
            <dt className="font-semibold">{t("accessibilityLabel")}</dt>
            <dd className="whitespace-pre-line">{event.accessibility}</dd>
          </>
        ) : null}
      </dl>
      <div className="mb-6 flex flex-wrap gap-3">
        <a href={`/events/${event.id}.ics`} className={secondaryButton} download>
          {t("ics")}
        </a>
        {event.canEdit ? (
          <>
            <a href={`/events/${event.id}/edit`} className={secondaryButton}>
              {t("edit")}
            </a>
            {date ? (
              <a href={`/events/${event.id}/attendees?date=${date.slotDate}`} className={secondaryButton}>
                {t("attendees")}
              </a>
            ) : null}
          </>
        ) : null}
      </div>
      <RsvpPanel event={event} viewer={rsvpViewer} notice={{ rsvp, error }} now={now} />
      {event.description ? (
        <section aria-labelledby="about-heading" className="mb-8">
          <h2 id="about-heading" className="mb-2 text-xl font-bold">
            {t("aboutTitle")}
          </h2>
          <div
            className="prose-legal max-w-3xl"
            dir="auto"
            // Sanitised on the server by renderMarkdown (tested in lib/markdown/render.test.ts).
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised above
            dangerouslySetInnerHTML={{ __html: renderMarkdown(event.description) }}
          />
        </section>
      ) : null}
      {event.frequency !== "none" ? (
        <section aria-labelledby="dates-heading" className="mb-8">
          <h2 id="dates-heading" className="mb-2 text-xl font-bold">
            {t("datesTitle")}
          </h2>
          {comingDates.length === 0 ? <p>{t("noComingDates")}</p> : null}
          <ul className="grid gap-1">
            {comingDates.map((o) => (
              <li key={o.id}>
                <a
                  href={`/events/${event.id}?date=${o.slotDate}`}
                  aria-current={o.id === date?.id ? "true" : undefined}
                  className={o.id === date?.id ? "font-bold" : undefined}
                >
                  {formatDayTime(locale, o.startsAt)}
                </a>
                {o.cancelled ? (
                  <span className="ms-2 font-semibold text-danger">{t("cancelledBadge")}</span>
                ) : null}
                {o.moved && !o.cancelled ? <span className="ms-2 text-sm">{t("movedBadge")}</span> : null}
                {o.ownPlace && !o.cancelled ? (
                  <span className="ms-2 text-sm">
                    {t("ownPlaceBadge", { place: placeOf(o.ownPlace, t("online")) })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
