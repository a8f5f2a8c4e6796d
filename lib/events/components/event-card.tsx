import { getLocale } from "next-intl/server";
import { formatList } from "@/lib/i18n/intl";
import { getTranslations } from "@/lib/i18n/server";
import { cardStyle } from "@/lib/ui/components/button-styles";
import { HtmlElement } from "@/lib/ui/components/html-element";
import { type Html, html } from "@/lib/ui/html";
import { formatWhen, placeOf } from "../format";
import type { EventListItem } from "../list-data";

type Translator = Awaited<ReturnType<typeof getTranslations>>;
export type EventCardLabels = { t: Translator; tc: Translator; locale: string };

/** What every card of a list needs, looked up once for the page. */
export async function loadEventCardLabels(): Promise<EventCardLabels> {
  const [t, tc, locale] = await Promise.all([getTranslations("events"), getTranslations(), getLocale()]);
  return { t, tc, locale };
}

/**
 * One date in the list: when, what, where, and how full. Its content is an HTML string
 * (lib/ui/html.ts), like the directory's member cards: a list page shows twenty.
 */
export function EventCard({ item, labels }: { item: EventListItem; labels: EventCardLabels }) {
  return (
    <HtmlElement
      as="article"
      className={`${cardStyle} h-full`}
      aria-labelledby={`event-${item.occurrenceId}`}
      html={cardHtml(item, labels)}
    />
  );
}

function cardHtml(item: EventListItem, { t, tc, locale }: EventCardLabels): Html {
  const href = `/events/${item.eventId}?date=${item.slotDate}`;
  const full = item.capacity !== null && item.going >= item.capacity;
  const badge = (className: string, text: string) => html`<li class="${className}">${text}</li>`;
  const place = [
    placeOf({ ...item, address: null }, t("online")),
    item.format === "in_person" ? item.municipality : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return html`<p class="mb-1 text-sm font-semibold text-muted"><time datetime="${item.startsAt.toISOString()}">${formatWhen(locale, item.startsAt, item.endsAt)}</time></p><h3 id="event-${item.occurrenceId}" class="mb-2 text-lg font-bold"><a href="${href}">${item.title}</a></h3><ul class="flex flex-wrap gap-2 text-sm">${[
    item.cancelled
      ? badge("rounded bg-red-100 px-2 py-0.5 font-semibold text-danger", t("cancelledBadge"))
      : null,
    badge("rounded bg-blue-50 px-2 py-0.5", t(`formats.${item.format}`)),
    item.frequency !== "none"
      ? badge("rounded bg-gray-100 px-2 py-0.5", t(`frequencies.${item.frequency}`))
      : null,
    item.visibility !== "public"
      ? badge("rounded bg-amber-50 px-2 py-0.5", t(`visibilities.${item.visibility}`))
      : null,
    item.topic ? badge("rounded bg-gray-100 px-2 py-0.5", tc(`topics.${item.topic}`)) : null,
  ]}</ul><p class="mt-2 text-sm">${place}</p>${
    item.languages.length > 0
      ? html`<p class="text-sm">${t("languagesShort", {
          languages: formatList(
            locale,
            item.languages.map((l) => tc(`languages.${l}`)),
          ),
        })}</p>`
      : null
  }${
    item.organiser || item.organiserWithheld
      ? html`<p class="text-sm">${t("organisedBy", { name: item.organiser ?? t("withheldName") })}</p>`
      : null
  }${
    item.capacity !== null && !item.cancelled
      ? html`<p class="mt-1 text-sm font-semibold">${full ? t("fullWaitingList") : t("seatsLeft", { count: item.capacity - item.going })}</p>`
      : null
  }`;
}
