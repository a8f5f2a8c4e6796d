import { getFormatter } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import type { UserAuditEntry } from "../data";

/** The last entries of the audit log about this person, with a link to all of them. */
export async function UserHistory({ userId, history }: { userId: string; history: UserAuditEntry[] }) {
  const t = await getTranslations("admin.users");
  const tAudit = await getTranslations("admin.audit");
  const format = await getFormatter();
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading" className="mb-3 text-2xl font-bold">
        {t("history")}
      </h2>
      {history.length === 0 ? <p>{t("noHistory")}</p> : null}
      <ul className="list-disc ps-6">
        {history.map((entry) => (
          <li key={entry.id}>
            {format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "short" })}:{" "}
            {tAudit.has(`actions.${entry.action}`) ? tAudit(`actions.${entry.action}`) : entry.action}
            {entry.actor ? ` (${entry.actor})` : ""}
          </li>
        ))}
      </ul>
      <p className="mt-3">
        <a href={`/admin/audit?target=${userId}`}>{t("fullHistory")}</a>
      </p>
    </section>
  );
}
