import { useTranslations } from "next-intl";
import { LOCALES } from "@/lib/i18n/config";
import { TableHead } from "@/lib/ui/components/table-head";
import { TableScroll } from "@/lib/ui/components/table-scroll";
import type { PreviewRow } from "../import-data";

/** The first rows of an uploaded file as they will be read, each with its verdict. */
export function ImportSample({ rows }: { rows: PreviewRow[] }) {
  const t = useTranslations("campaignContacts.preview");
  const tr = useTranslations("campaignContacts.reasons");
  const tl = useTranslations("campaignContacts.languages");
  const language = (value: string) =>
    LOCALES.find((l) => l === value) ? tl(value as (typeof LOCALES)[number]) : value;
  return (
    <TableScroll labelledBy="import-sample-caption">
      <table className="w-full border-collapse text-start" id="import-sample">
        <caption id="import-sample-caption" className="mb-2 text-start text-xl font-bold">
          {t("sampleTitle", { count: rows.length })}
        </caption>
        <TableHead columns={[t("row"), t("email"), t("name"), t("language"), t("check")]} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} className="border-b border-gray-200">
              <td className="p-2">{r.row}</td>
              <td className="p-2 break-all" dir="ltr">
                {r.email}
              </td>
              <td className="p-2">{r.name}</td>
              <td className="p-2">{language(r.language)}</td>
              <td className={`p-2 font-semibold ${r.reason ? "text-danger" : "text-success"}`}>
                <span aria-hidden="true">{r.reason ? "⚠ " : "✓ "}</span>
                {r.reason ? tr(r.reason) : t("ok")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
