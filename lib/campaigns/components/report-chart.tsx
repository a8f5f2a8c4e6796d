import { getFormatter } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import type { CampaignProgress } from "../data";

const BARS = [
  ["sent", "#1d6b3a"],
  ["failed", "#b3261e"],
  ["skipped", "#6b4e00"],
  ["pending", "#4a5568"],
  ["unsubscribed", "#0b5394"],
] as const;

/** Room kept after the longest bar for its number (and the gap before it). */
const VALUE_ROOM = "5rem";

/**
 * The campaign's result as numbers and as a bar chart drawn on the server (no script). The numbers
 * are the chart's text alternative. Labels and values are HTML text, as in the dashboard charts: a
 * label wraps whole above its bar in any language, each number stands after its bar's end, and the
 * bars grow from the start side (the right in Arabic).
 */
export async function ReportChart({ progress }: { progress: CampaignProgress }) {
  const t = await getTranslations("campaigns.detail");
  const format = await getFormatter();
  const max = Math.max(1, ...BARS.map(([key]) => progress[key]));
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <dl className="grid grid-cols-[auto_auto] content-start gap-x-6 gap-y-2">
        {BARS.map(([key]) => (
          <div key={key} className="contents">
            <dt>{t(key)}</dt>
            <dd className="text-end font-bold" dir="ltr" data-figure={key}>
              {format.number(progress[key])}
            </dd>
          </div>
        ))}
      </dl>
      <div role="img" aria-label={t("chartLabel")} className="grid w-full max-w-md content-start gap-3">
        {BARS.map(([key, colour]) => (
          <div key={key} data-bar={key}>
            <div className="text-sm" data-part="label">
              {t(key)}
            </div>
            <div className="flex items-center gap-2">
              <div
                className="h-5 shrink-0"
                data-part="bar"
                style={{
                  width: `calc((100% - ${VALUE_ROOM}) * ${progress[key] / max})`,
                  minWidth: "1px",
                  backgroundColor: colour,
                }}
              />
              <span className="text-sm font-bold tabular-nums" dir="ltr" data-part="value">
                {format.number(progress[key])}
              </span>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
