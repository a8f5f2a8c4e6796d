import { useTranslations } from "next-intl";
import type { ImportRowError } from "@/db/schema/campaigns";
import { TableHead } from "@/lib/ui/components/table-head";
import { TableScroll } from "@/lib/ui/components/table-scroll";
import { ROW_REASONS, type RowReason } from "../import";

const isReason = (reason: string): reason is RowReason => ROW_REASONS.includes(reason as RowReason);

/** The rows an import leaves out, with row number (as the spreadsheet shows it) and reason. */
export function ImportErrors({
  errors,
  total,
  caption,
}: {
  errors: ImportRowError[];
  total: number;
  caption: string;
}) {
  const t = useTranslations("campaignContacts.errorsTable");
  const tr = useTranslations("campaignContacts.reasons");
  if (errors.length === 0) return null;
  return (
    <TableScroll labelledBy="import-errors-caption">
      <table className="w-full border-collapse text-start" id="import-errors">
        <caption id="import-errors-caption" className="mb-2 text-start text-xl font-bold">
          {caption}
        </caption>
        <TableHead columns={[t("row"), t("email"), t("reason")]} />
        <tbody>
          {errors.map((e) => (
            <tr key={e.row} className="border-b border-gray-200">
              <td className="p-2">{e.row}</td>
              <td className="p-2 break-all" dir="ltr">
                {e.email}
              </td>
              <td className="p-2">{isReason(e.reason) ? tr(e.reason) : e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > errors.length ? <p className="mt-2">{t("more", { count: total - errors.length })}</p> : null}
    </TableScroll>
  );
}
