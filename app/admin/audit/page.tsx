import type { Metadata } from "next";
import { getFormatter } from "next-intl/server";
import { requireCapability } from "@/lib/admin/loaders";
import { may } from "@/lib/admin/permissions";
import { AuditTargetCell } from "@/lib/audit/components/target-cell";
import { listAuditActions, listAuditEntries, listAuditNames } from "@/lib/audit/data";
import { AUDIT_PAGE_SIZE, AuditFilter } from "@/lib/audit/schema";
import { auditActionLabel, auditDataFor, auditDetails } from "@/lib/audit/utils";
import { getRequestLocale, getTranslations } from "@/lib/i18n/server";
import { inputStyle, primaryButton } from "@/lib/ui/components/button-styles";
import { PageLinks } from "@/lib/ui/components/page-links";
import { TableScroll } from "@/lib/ui/components/table-scroll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.audit"))("title") };
}

type Search = Record<string, string | string[] | undefined>;
const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);

/** Read-only: the log has no edit or delete anywhere (and the database refuses both). */
export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireCapability("audit.view");
  // Contacts and imports are named for those who see them in the campaigns area anyway.
  const reader = { campaignsArea: may(viewer, "campaigns.manage") };
  const raw = await searchParams;
  const filter = AuditFilter.parse({
    action: text(raw.action),
    actor: text(raw.actor),
    target: text(raw.target),
    from: text(raw.from),
    to: text(raw.to),
    after: text(raw.after),
  });
  const t = await getTranslations("admin.audit");
  const format = await getFormatter();
  const locale = await getRequestLocale();
  const [entries, actions] = await Promise.all([listAuditEntries(filter, reader), listAuditActions()]);
  const names = await listAuditNames(entries);
  const label = (action: string) => auditActionLabel(locale, action);
  const { after, ...withoutCursor } = filter;
  const query = (extra: Record<string, string>) =>
    new URLSearchParams(
      Object.entries({ ...withoutCursor, ...extra }).filter((e): e is [string, string] => Boolean(e[1])),
    ).toString();
  const last = entries.at(-1);
  const person = (name: string | null, email: string | null) =>
    email?.endsWith("@erased.invalid") ? t("formerMember") : (name ?? email ?? t("system"));

  return (
    <>
      <h1 id="audit-heading" className="mb-2 text-3xl font-bold">
        {t("title")}
      </h1>
      <p className="mb-6 max-w-2xl">{t("intro")}</p>
      <form method="get" action="/admin/audit" className="mb-6 grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="audit-action" className="mb-1 block font-semibold">
            {t("action")}
          </label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={inputStyle}>
            <option value="">{t("allActions")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {label(a)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="mb-1 block font-semibold">
            {t("actor")}
          </label>
          <input id="audit-actor" name="actor" defaultValue={filter.actor ?? ""} className={inputStyle} />
        </div>
        <div>
          <label htmlFor="audit-target" className="mb-1 block font-semibold">
            {t("target")}
          </label>
          <input id="audit-target" name="target" defaultValue={filter.target ?? ""} className={inputStyle} />
        </div>
        <div>
          <label htmlFor="audit-from" className="mb-1 block font-semibold">
            {t("from")}
          </label>
          <input
            id="audit-from"
            name="from"
            type="date"
            defaultValue={filter.from ?? ""}
            className={inputStyle}
          />
        </div>
        <div>
          <label htmlFor="audit-to" className="mb-1 block font-semibold">
            {t("to")}
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} className={inputStyle} />
        </div>
        <div className="flex items-end">
          <button type="submit" className={primaryButton}>
            {t("filter")}
          </button>
        </div>
      </form>
      {entries.length === 0 ? <p role="status">{t("empty")}</p> : null}
      {entries.length > 0 ? (
        <TableScroll labelledBy="audit-heading">
          <table className="w-full min-w-[40rem] border-collapse text-start">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="w-28 py-2 pe-3 text-start">
                  {t("when")}
                </th>
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("actor")}
                </th>
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("action")}
                </th>
                <th scope="col" className="py-2 pe-3 text-start">
                  {t("target")}
                </th>
                <th scope="col" className="py-2 text-start">
                  {t("details")}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const details = auditDetails(locale, auditDataFor(e, reader), names);
                return (
                  <tr key={e.id} className="border-b border-gray-300 align-top">
                    <td className="py-2 pe-3">
                      <time dateTime={e.createdAt.toISOString()}>
                        <span className="block whitespace-nowrap">
                          {format.dateTime(e.createdAt, { dateStyle: "short" })}
                        </span>
                        <span className="block whitespace-nowrap">
                          {format.dateTime(e.createdAt, { timeStyle: "medium" })}
                        </span>
                      </time>
                    </td>
                    <td className="py-2 pe-3 break-words">
                      {e.actorId ? (
                        <a href={`/admin/users/${e.actorId}`}>
                          <bdi>{person(e.actorName, e.actorEmail)}</bdi>
                        </a>
                      ) : (
                        t("system")
                      )}
                    </td>
                    <td className="py-2 pe-3">{label(e.action)}</td>
                    <td className="py-2 pe-3 break-words">
                      <AuditTargetCell locale={locale} entry={e} />
                    </td>
                    <td className="py-2 break-words">
                      {details.length === 0 ? (
                        "–"
                      ) : (
                        <ul>
                          {details.map((d) => (
                            <li key={d.label}>
                              <span className="font-semibold">{d.label}:</span> <bdi>{d.value}</bdi>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <PageLinks
        label={t("pages")}
        first={after ? { href: `/admin/audit?${query({})}`, label: t("firstPage") } : undefined}
        next={
          last && entries.length === AUDIT_PAGE_SIZE
            ? { href: `/admin/audit?${query({ after: last.id })}`, label: t("nextPage") }
            : undefined
        }
      />
    </>
  );
}
