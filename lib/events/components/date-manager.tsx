import { getLocale } from "next-intl/server";
import { ClientMessages } from "@/lib/i18n/components/client-messages";
import { getTranslations } from "@/lib/i18n/server";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { changeOccurrenceAction, clearOccurrencePlaceAction } from "../actions";
import type { OccurrenceSummary } from "../data";
import { formatDayTime, formatTime, placeOf } from "../format";
import { type Place, placeOfDate } from "../place";
import { berlinClock, berlinDate } from "../time";
import { MoveDateForm } from "./move-date-form";
import { PlaceDateForm } from "./place-date-form";

/**
 * The organiser's list of a series' coming dates: cancel or restore one, move it or give it a place of
 * its own (or, read-only, just the list).
 */
export async function DateManager({
  occurrences,
  eventPlace,
  now,
  readOnly = false,
}: {
  occurrences: OccurrenceSummary[];
  /** The series' place, which a date without its own keeps. */
  eventPlace: Place;
  now: Date;
  readOnly?: boolean;
}) {
  const t = await getTranslations("events.dates");
  const tv = await getTranslations("events");
  const locale = await getLocale();
  const coming = occurrences.filter((o) => o.endsAt >= now);
  return (
    <section id="dates" aria-labelledby="dates-heading" className="mb-10">
      <h2 id="dates-heading" className="mb-2 text-2xl font-bold">
        {t("title")}
      </h2>
      {readOnly ? null : <p className="mb-4 max-w-2xl">{t("intro")}</p>}
      {coming.length === 0 ? <p>{t("none")}</p> : null}
      <ClientMessages namespaces={["events", "errors"]}>
        <ul className="grid gap-3">
          {coming.map((o) => {
            const label = `${formatDayTime(locale, o.startsAt)}–${formatTime(locale, o.endsAt)}`;
            return (
              <li key={o.id} className="rounded-md border border-gray-300 p-3">
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <p className="font-semibold">
                    {label}
                    {o.cancelled ? <span className="ms-2 text-danger">{t("cancelled")}</span> : null}
                    {o.moved ? <span className="ms-2 font-normal">{t("moved")}</span> : null}
                    {o.ownPlace ? (
                      <span className="block font-normal">
                        {t("ownPlace", { place: placeOf(o.ownPlace, tv("online")) })}
                      </span>
                    ) : null}
                  </p>
                  {readOnly ? null : (
                    <form action={changeOccurrenceAction}>
                      <input type="hidden" name="occurrenceId" value={o.id} />
                      <input type="hidden" name="change" value={o.cancelled ? "restore" : "cancel"} />
                      <button
                        type="submit"
                        className={secondaryButton}
                        aria-label={`${o.cancelled ? t("restore") : t("cancel")}: ${label}`}
                      >
                        {o.cancelled ? t("restore") : t("cancel")}
                      </button>
                    </form>
                  )}
                </div>
                {o.cancelled || readOnly ? null : (
                  <>
                    <MoveDateForm
                      occurrenceId={o.id}
                      date={berlinDate(o.startsAt)}
                      startTime={berlinClock(o.startsAt)}
                      endTime={berlinClock(o.endsAt)}
                    />
                    <PlaceDateForm occurrenceId={o.id} place={placeOfDate(eventPlace, o.ownPlace)} />
                    {o.ownPlace ? (
                      <form action={clearOccurrencePlaceAction} className="mt-2">
                        <input type="hidden" name="occurrenceId" value={o.id} />
                        <button
                          type="submit"
                          className={secondaryButton}
                          aria-label={`${t("placeClear")}: ${label}`}
                        >
                          {t("placeClear")}
                        </button>
                      </form>
                    ) : null}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      </ClientMessages>
    </section>
  );
}
