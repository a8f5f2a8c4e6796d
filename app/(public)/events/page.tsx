import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { EVENT_FORMATS, type EventFormat } from "@/db/schema/enums";
import { getViewer } from "@/lib/auth/viewer";
import { mayCreateEvents, toEventViewer } from "@/lib/events/access";
import { EventCard, loadEventCardLabels } from "@/lib/events/components/event-card";
import { EventFilter } from "@/lib/events/components/event-filter";
import { type EventFilters, listEvents } from "@/lib/events/list-data";
import { getTranslations } from "@/lib/i18n/server";
import { MUNICIPALITIES, SPOKEN_LANGUAGES, TOPICS } from "@/lib/network/constants";
import { primaryButton, secondaryButton } from "@/lib/ui/components/button-styles";
import { PageLinks } from "@/lib/ui/components/page-links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("events"))("title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
const pick = <T extends string>(list: readonly T[], value: string | undefined) =>
  list.find((v) => v === value);

export default async function EventsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const filters: EventFilters = {
    when: one(params.when) === "past" ? "past" : "upcoming",
    topic: pick(TOPICS, one(params.topic)),
    language: pick(SPOKEN_LANGUAGES, one(params.language)),
    municipality: pick(MUNICIPALITIES, one(params.municipality)),
    format: pick(EVENT_FORMATS, one(params.format)) as EventFormat | undefined,
    after: one(params.after)?.slice(0, 120),
  };
  const viewer = toEventViewer(await getViewer());
  const t = await getTranslations("events");
  const [{ items, nextAfter }, mayCreate, labels] = await Promise.all([
    listEvents({ viewer, filters }),
    viewer ? mayCreateEvents(await getDb(), viewer) : false,
    loadEventCardLabels(),
  ]);
  const query = new URLSearchParams();
  for (const key of ["when", "topic", "language", "municipality", "format"] as const) {
    const value = filters[key];
    if (value && !(key === "when" && value === "upcoming")) query.set(key, value);
  }
  const pageHref = (cursor?: string) => {
    const p = new URLSearchParams(query);
    if (cursor) p.set("after", cursor);
    const s = p.toString();
    return s ? `/events?${s}` : "/events";
  };

  return (
    <>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">{filters.when === "past" ? t("titlePast") : t("title")}</h1>
        <div className="flex flex-wrap gap-3">
          {viewer ? (
            <a href="/events/calendar" className={secondaryButton}>
              {t("subscribe")}
            </a>
          ) : null}
          {mayCreate ? (
            <a href="/events/new" className={primaryButton}>
              {t("newEvent")}
            </a>
          ) : null}
        </div>
      </div>
      <p className="mb-6 max-w-2xl">{t("intro")}</p>
      <EventFilter filters={filters} />
      <h2 className="sr-only">{t("results")}</h2>
      {items.length === 0 ? <p role="status">{t("none")}</p> : null}
      <ul className="grid gap-4 sm:grid-cols-2">
        {items.map((item) => (
          <li key={item.occurrenceId}>
            <EventCard item={item} labels={labels} />
          </li>
        ))}
      </ul>
      <PageLinks
        label={t("pages")}
        first={filters.after ? { href: pageHref(), label: t("first") } : undefined}
        next={nextAfter ? { href: pageHref(nextAfter), label: t("next") } : undefined}
      />
      <p className="mt-8 text-sm">
        {t("publicFeedLine")} <a href="/api/calendar/public">{t("publicFeedLink")}</a>
      </p>
    </>
  );
}
