import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { cardStyle } from "@/lib/ui/components/button-styles";
import type { EventListItem } from "../data";
import { formatWhen, placeOf } from "../format";

/** One date in the list: when, what, where, and how full. */
export async function EventCard({ item }: { item: EventListItem }) {
  const t = await getTranslations("events");
  const tc = await getTranslations();
  const locale = await getLocale();
  const href = `/events/${item.eventId}?date=${item.slotDate}`;
  const full = item.capacity !== null && item.going >= item.capacity;
  return (
    <article className={`${cardStyle} h-full`} aria-labelledby={`event-${item.occurrenceId}`}>
      <p className="mb-1 text-sm font-semibold text-muted">
        <time dateTime={item.startsAt.toISOString()}>{formatWhen(locale, item.startsAt, item.endsAt)}</time>
      </p>
      <h3 id={`event-${item.occurrenceId}`} className="mb-2 text-lg font-bold">
        <a href={href}>{item.title}</a>
      </h3>
      <ul className="flex flex-wrap gap-2 text-sm">
        {item.cancelled ? (
          <li className="rounded bg-red-100 px-2 py-0.5 font-semibold text-danger">{t("cancelledBadge")}</li>
        ) : null}
        <li className="rounded bg-blue-50 px-2 py-0.5">{t(`formats.${item.format}`)}</li>
        {item.frequency !== "none" ? (
          <li className="rounded bg-gray-100 px-2 py-0.5">{t(`frequencies.${item.frequency}`)}</li>
        ) : null}
        {item.visibility !== "public" ? (
          <li className="rounded bg-amber-50 px-2 py-0.5">{t(`visibilities.${item.visibility}`)}</li>
        ) : null}
        {item.topic ? (
          <li className="rounded bg-gray-100 px-2 py-0.5">{tc(`topics.${item.topic}`)}</li>
        ) : null}
      </ul>
      <p className="mt-2 text-sm">
        {[
          placeOf({ ...item, address: null }, t("online")),
          item.format === "in_person" ? item.municipality : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {item.languages.length > 0 ? (
        <p className="text-sm">
          {t("languagesShort", { languages: item.languages.map((l) => tc(`languages.${l}`)).join(", ") })}
        </p>
      ) : null}
      {item.organiser ? <p className="text-sm">{t("organisedBy", { name: item.organiser })}</p> : null}
      {item.capacity !== null && !item.cancelled ? (
        <p className="mt-1 text-sm font-semibold">
          {full ? t("fullWaitingList") : t("seatsLeft", { count: item.capacity - item.going })}
        </p>
      ) : null}
    </article>
  );
}
