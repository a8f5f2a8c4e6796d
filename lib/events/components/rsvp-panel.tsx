import { getLoginHref } from "@/lib/auth/viewer";
import { getTranslations } from "@/lib/i18n/server";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { rsvpAction } from "../actions";
import type { EventDetail } from "../data";

/** Yes / maybe / no for the selected date, as three plain form buttons; the current answer is stated. */
export async function RsvpPanel({
  event,
  signedIn,
  notice,
  now,
}: {
  event: EventDetail;
  signedIn: boolean;
  notice?: { rsvp?: string; error?: string };
  now: Date;
}) {
  const t = await getTranslations("events");
  const date = event.selected;
  if (!date) return null;
  const closed = event.status === "cancelled" || date.cancelled || date.endsAt < now;
  const { counts, rsvp } = event;
  // Once the date is over or called off, the answer is told in the past, with no reminder promised.
  const status = rsvp
    ? closed
      ? t(rsvp.waiting ? "youWere.waiting" : `youWere.${rsvp.response}`)
      : rsvp.waiting
        ? t("youWaiting", { position: rsvp.position ?? 1 })
        : t(`you.${rsvp.response}`)
    : null;
  const full = event.capacity !== null && counts.going >= event.capacity;
  return (
    <section id="rsvp" aria-labelledby="rsvp-heading" className="mb-8 rounded-lg border border-gray-300 p-4">
      <h2 id="rsvp-heading" className="mb-2 text-xl font-bold">
        {t("rsvpTitle")}
      </h2>
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
      {notice?.error ? (
        <p
          role="alert"
          className="mb-3 rounded-md border-2 border-danger bg-red-50 p-3 font-semibold text-danger"
        >
          {t(`errors.${notice.error === "dateCancelled" ? "dateCancelled" : "dateOver"}`)}
        </p>
      ) : null}
      {status ? (
        <p
          role={notice?.rsvp ? "status" : undefined}
          className="mb-3 rounded-md border-2 border-success bg-green-50 p-3 font-semibold text-success"
        >
          {status}
        </p>
      ) : null}
      {closed ? null : signedIn ? (
        <form action={rsvpAction} className="flex flex-wrap gap-3">
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
      ) : (
        <p>
          <a href={await getLoginHref()}>{t("signInToRsvp")}</a>
        </p>
      )}
    </section>
  );
}
