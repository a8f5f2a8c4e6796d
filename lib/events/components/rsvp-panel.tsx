import { getLoginHref } from "@/lib/auth/viewer";
import { isolated } from "@/lib/i18n/intl";
import { getTranslations } from "@/lib/i18n/server";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { rsvpAction } from "../actions";
import type { EventDetail } from "../data";

/** Who is looking: an approved member (with what organisers see of them), an applicant, or a visitor. */
export type RsvpViewer =
  | { kind: "member"; sharedContact: string | null }
  | { kind: "applicant" }
  | { kind: "visitor" };

const notice = "mb-3 rounded-md border-2 p-3 font-semibold";

/**
 * Yes / maybe / no for the selected date, as three plain form buttons; the current answer is stated,
 * and what the organisers will see of the member. A called-off date offers nothing to answer.
 */
export async function RsvpPanel({
  event,
  viewer,
  notice: flash,
  now,
}: {
  event: EventDetail;
  viewer: RsvpViewer;
  notice?: { rsvp?: string; error?: string };
  now: Date;
}) {
  const t = await getTranslations("events");
  const tc = await getTranslations();
  const date = event.selected;
  if (!date) return null;
  const cancelled = event.status === "cancelled" || date.cancelled;
  const closed = cancelled || date.endsAt < now;
  const { counts, rsvp } = event;
  // Once the date is over or called off, the answer is told in the past, with no reminder promised.
  const status = rsvp
    ? closed
      ? t(rsvp.waiting ? "youWere.waiting" : `youWere.${rsvp.response}`)
      : rsvp.waiting
        ? t("youWaiting", { position: rsvp.position ?? 1 })
        : t(`you.${rsvp.response}`)
    : null;
  const hadPlace = rsvp && (rsvp.waiting || rsvp.response === "yes");
  const full = event.capacity !== null && counts.going >= event.capacity;
  return (
    <section id="rsvp" aria-labelledby="rsvp-heading" className="mb-8 rounded-lg border border-gray-300 p-4">
      <h2 id="rsvp-heading" className="mb-2 text-xl font-bold">
        {t("rsvpTitle")}
      </h2>
      {cancelled ? (
        <p className={`${notice} border-danger bg-red-50 text-danger`}>
          {t(event.status === "cancelled" ? "rsvpCancelled.event" : "rsvpCancelled.date")}
        </p>
      ) : (
        <p className="mb-2">
          {event.capacity === null
            ? t("goingInfo", { going: counts.going })
            : counts.going > event.capacity
              ? // The organiser lowered the seats below those who kept theirs: no "2 of 1".
                t("capacityOverbooked", { going: counts.going })
              : t("capacityInfo", { going: counts.going, capacity: event.capacity })}
          {counts.maybe > 0 ? ` · ${t("maybeInfo", { count: counts.maybe })}` : ""}
          {counts.waiting > 0 ? ` · ${t("waitingInfo", { count: counts.waiting })}` : ""}
        </p>
      )}
      {flash?.error ? (
        <p role="alert" className={`${notice} border-danger bg-red-50 text-danger`}>
          {t(`errors.${flash.error === "dateCancelled" ? "dateCancelled" : "dateOver"}`)}
        </p>
      ) : null}
      {status && cancelled ? (
        <p className="mb-3">
          {status}
          {hadPlace ? ` ${t("rsvpVoid")}` : ""}
        </p>
      ) : status ? (
        <p
          role={flash?.rsvp ? "status" : undefined}
          className={`${notice} border-success bg-green-50 text-success`}
        >
          {status}
        </p>
      ) : null}
      {closed ? null : viewer.kind === "member" ? (
        <>
          <form action={rsvpAction} className="mb-3 flex flex-wrap gap-3">
            <input type="hidden" name="occurrenceId" value={date.id} />
            {rsvp?.response === "yes" ? null : (
              <button type="submit" name="response" value="yes" className={primaryButton}>
                {full ? t("joinWaitingList") : t("answer.yes")}
              </button>
            )}
            {rsvp?.response === "maybe" ? null : (
              <button type="submit" name="response" value="maybe" className={secondaryButton}>
                {t("answer.maybe")}
              </button>
            )}
            {rsvp?.response === "no" ? null : (
              <button type="submit" name="response" value="no" className={secondaryButton}>
                {rsvp?.response === "yes" ? t("answer.cancel") : t("answer.no")}
              </button>
            )}
          </form>
          <p>
            {viewer.sharedContact
              ? t.rich("organisersSeeContact", {
                  email: isolated(viewer.sharedContact),
                  link: (chunks) => <a href="/settings/profile">{chunks}</a>,
                })
              : t("organisersSee")}
          </p>
        </>
      ) : viewer.kind === "applicant" ? (
        <p>
          {t("rsvpApplicant")}{" "}
          <a href="/application" className="font-semibold">
            {t("applicationLink")}
          </a>
        </p>
      ) : (
        <>
          <p className="mb-2">
            {t("rsvpForMembers")}{" "}
            <a href={await getLoginHref()} className="font-semibold">
              {t("signInToRsvp")}
            </a>
          </p>
          <p>{tc.rich("login.noAccount", { link: (chunks) => <a href="/signup">{chunks}</a> })}</p>
        </>
      )}
    </section>
  );
}
