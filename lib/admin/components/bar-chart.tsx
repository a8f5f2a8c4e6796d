import type { WeeklyPoint } from "../data";
import { axisTicks } from "../utils";

/**
 * Which weeks are labelled, counted from the newest: every fourth on a phone, every third from a
 * 28rem card, every second from 42rem, so the labels (12 px) never run into each other.
 */
const labelClass = (fromEnd: number) =>
  [
    fromEnd % 4 === 0 ? "" : "invisible",
    fromEnd % 3 === 0 ? "@md:visible" : "@md:invisible",
    fromEnd % 2 === 0 ? "@2xl:visible" : "@2xl:invisible",
    // the newest week's label ends at its bar instead of running past the card
    fromEnd === 0 ? "justify-end" : "justify-center",
  ].join(" ");

/**
 * A bar chart drawn on the server (no script, no third party), with the same numbers as a table
 * below it for screen readers and anyone who prefers to read them. Bars and gridlines are an SVG that
 * stretches to the card; the numbers and weeks are HTML text, so they keep their size (12 px and up)
 * however narrow the card gets instead of shrinking with the drawing.
 */
export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  points: WeeklyPoint[];
  weekLabel: (week: string) => string;
  formatNumber: (value: number) => string;
  weekHeader: string;
  valueHeader: string;
  tableLabel: string;
  href?: string;
  linkLabel?: string;
}) {
  const ticks = axisTicks(Math.max(0, ...props.points.map((p) => p.value)));
  const max = ticks[2];
  const slot = 100 / Math.max(1, props.points.length);
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  const top = (v: number) => `${100 - (v / max) * 100}%`;
  return (
    <figure className="@container rounded-lg border border-gray-300 bg-white p-4" aria-labelledby={titleId}>
      <figcaption id={titleId} className="mb-2 text-lg font-bold">
        {props.title}
      </figcaption>
      <p id={descId} className="mb-2 text-sm text-muted">
        {props.description}
      </p>
      {/* Weeks run left to right in every language, as on a calendar's timeline. */}
      <div role="img" aria-labelledby={`${titleId} ${descId}`} dir="ltr" className="text-xs text-ink">
        <div className="flex gap-2 pt-2">
          <div className="relative w-10 shrink-0" data-axis="values">
            {ticks.map((tick) => (
              <span
                key={tick}
                className="absolute end-0 -translate-y-1/2 tabular-nums leading-none"
                style={{ top: top(tick) }}
              >
                {props.formatNumber(tick)}
              </span>
            ))}
          </div>
          <svg
            viewBox="0 0 100 100"
            preserveAspectRatio="none"
            className="h-40 min-w-0 flex-1 overflow-visible"
            aria-hidden="true"
          >
            {ticks.map((tick) => (
              <line
                key={tick}
                x1={0}
                x2={100}
                y1={100 - (tick / max) * 100}
                y2={100 - (tick / max) * 100}
                className="stroke-gray-300"
                strokeWidth={1}
                vectorEffect="non-scaling-stroke"
              />
            ))}
            {props.points.map((p, i) => {
              const h = (p.value / max) * 100;
              return (
                <rect
                  key={p.week}
                  x={i * slot + slot * 0.15}
                  y={100 - h}
                  width={slot * 0.7}
                  height={h}
                  className="fill-brand"
                />
              );
            })}
          </svg>
        </div>
        <div className="ms-12 mt-1 flex" data-axis="weeks">
          {props.points.map((p, i) => (
            <span
              key={p.week}
              className={`flex min-w-0 flex-1 whitespace-nowrap ${labelClass(props.points.length - 1 - i)}`}
            >
              {props.weekLabel(p.week)}
            </span>
          ))}
        </div>
      </div>
      <details className="mt-2">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-brand">
          {props.tableLabel}
        </summary>
        <table className="mt-2 w-full max-w-md border-collapse text-start">
          <caption className="sr-only">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b border-gray-300 py-1 text-start">
                {props.weekHeader}
              </th>
              <th scope="col" className="border-b border-gray-300 py-1 text-end">
                {props.valueHeader}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.points.map((p) => (
              <tr key={p.week}>
                <th scope="row" className="py-1 text-start font-normal">
                  {props.weekLabel(p.week)}
                </th>
                <td className="py-1 text-end tabular-nums">{props.formatNumber(p.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {props.href && props.linkLabel ? (
        <p className="mt-2">
          <a href={props.href}>{props.linkLabel}</a>
        </p>
      ) : null}
    </figure>
  );
}
