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

/**
 * The campaign's result as numbers and as a bar chart (an SVG drawn on the server, no script). The
 * numbers are the chart's text alternative.
 */
export async function ReportChart({ progress }: { progress: CampaignProgress }) {
  const t = await getTranslations("campaigns.detail");
  const format = await getFormatter();
  const max = Math.max(1, ...BARS.map(([key]) => progress[key]));
  const rowHeight = 36;
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
      <svg
        role="img"
        aria-label={t("chartLabel")}
        viewBox={`0 0 400 ${BARS.length * rowHeight}`}
        className="w-full max-w-md"
      >
        {BARS.map(([key, colour], index) => {
          const width = Math.round((progress[key] / max) * 250);
          const y = index * rowHeight;
          return (
            <g key={key}>
              <text x="0" y={y + 22} fontSize="14" fill="#1a1a1a">
                {t(key).slice(0, 18)}
              </text>
              <rect x="140" y={y + 8} width={Math.max(width, 1)} height="20" fill={colour} />
              <text x={146 + width} y={y + 23} fontSize="14" fill="#1a1a1a">
                {format.number(progress[key])}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
