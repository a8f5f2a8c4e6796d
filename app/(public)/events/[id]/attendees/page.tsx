import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { formatDayTime } from "@/lib/events/format";
import { loadAttendees } from "@/lib/events/loaders";
import { getTranslations } from "@/lib/i18n/server";
import { secondaryButton } from "@/lib/ui/components/button-styles";
import { TableScroll } from "@/lib/ui/components/table-scroll";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const load = cache((id: string, date: string | undefined) => loadAttendees(id, date));
const dateOf = (value: string | string[] | undefined) =>
  typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { event } = await load((await params).id, dateOf((await searchParams).date));
  return { title: (await getTranslations("events"))("attendeesTitle", { title: event.title }) };
}

export default async function AttendeesPage({ params, searchParams }: Props) {
  const { event, occurrences, selected, attendees } = await load(
    (await params).id,
    dateOf((await searchParams).date),
  );
  const t = await getTranslations("events");
  const locale = await getLocale();
  const when = (d: Date) => formatDayTime(locale, d);
  const groups = [
    ["going", attendees.filter((a) => a.response === "yes" && !a.waiting)],
    ["waiting", attendees.filter((a) => a.waiting)],
    ["maybe", attendees.filter((a) => a.response === "maybe")],
    ["no", attendees.filter((a) => a.response === "no")],
  ] as const;
  return (
    <>
      <p className="mb-4">
        <a href={`/events/${event.id}?date=${selected.slotDate}`}>{event.title}</a>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{t("attendeesTitle", { title: event.title })}</h1>
      <p className="mb-4 text-lg">{when(selected.startsAt)}</p>
      {occurrences.length > 1 ? (
        <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="attendees-date" className="mb-1 block font-semibold">
              {t("attendeesDate")}
            </label>
            <select
              id="attendees-date"
              name="date"
              defaultValue={selected.slotDate}
              className="min-h-11 rounded-md border border-gray-500 px-3"
            >
              {occurrences.map((o) => (
                <option key={o.id} value={o.slotDate}>
                  {when(o.startsAt)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={secondaryButton}>
            {t("show")}
          </button>
        </form>
      ) : null}
      <p className="mb-6">
        <a
          href={`/events/${event.id}/attendees.csv?date=${selected.slotDate}`}
          className={secondaryButton}
          download
        >
          {t("exportCsv")}
        </a>
      </p>
      {attendees.length === 0 ? (
        <p role="status">{t("noAttendees")}</p>
      ) : (
        <p className="mb-6 max-w-2xl">{t("attendeesContactNote")}</p>
      )}
      {groups.map(([key, people]) =>
        people.length === 0 ? null : (
          <section key={key} aria-labelledby={`attendees-${key}`} className="mb-8">
            <h2 id={`attendees-${key}`} className="mb-2 text-xl font-bold">
              {t(`attendeeGroups.${key}`, { count: people.length })}
            </h2>
            <TableScroll labelledBy={`attendees-${key}`}>
              <table className="w-full border-collapse text-start">
                <thead>
                  <tr className="border-b border-gray-400">
                    {key === "waiting" ? (
                      <th scope="col" className="p-2 text-start">
                        {t("columns.position")}
                      </th>
                    ) : null}
                    <th scope="col" className="p-2 text-start">
                      {t("columns.name")}
                    </th>
                    <th scope="col" className="p-2 text-start">
                      {t("columns.contactEmail")}
                    </th>
                    <th scope="col" className="p-2 text-start">
                      {t("columns.answeredAt")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {people.map((p, i) => (
                    <tr key={p.userId} className="border-b border-gray-200">
                      {key === "waiting" ? <td className="p-2">{i + 1}</td> : null}
                      <td className="p-2">{p.name}</td>
                      <td className="p-2">
                        {p.contactEmail ? (
                          <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a>
                        ) : (
                          <span className="text-gray-700">{t("contactNotShared")}</span>
                        )}
                      </td>
                      <td className="p-2">{when(p.answeredAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        ),
      )}
    </>
  );
}
