import type { WeeklyPoint } from "../data";

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 16, right: 12, bottom: 40, left: 44 };

/** A rounded-up axis maximum (1, 2, 5 × 10ⁿ) so the gridline labels are plain numbers. */
export function niceMax(value: number): number {
  if (value <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (value <= step * power) return step * power;
  return 10 * power;
}

/**
 * A bar chart drawn on the server as SVG (no script, no third party), with the same numbers as a
 * table below it for screen readers and anyone who prefers to read them.
 */
export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  points: WeeklyPoint[];
  weekLabel: (week: string) => string;
  weekHeader: string;
  valueHeader: string;
  tableLabel: string;
  href?: string;
  linkLabel?: string;
}) {
  const max = niceMax(Math.max(0, ...props.points.map((p) => p.value)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, props.points.length);
  const barW = Math.max(4, slot * 0.7);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  return (
    <figure className="rounded-lg border border-gray-300 bg-white p-4" aria-labelledby={titleId}>
      <figcaption id={titleId} className="mb-2 text-lg font-bold">
        {props.title}
      </figcaption>
      <p id={descId} className="mb-2 text-sm text-muted">
        {props.description}
      </p>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        direction="ltr"
      >
        <title>{props.title}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
              className="stroke-gray-300"
              strokeWidth={1}
            />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="fill-ink text-[12px]">
              {Number.isInteger(tick) ? tick : tick.toFixed(1)}
            </text>
          </g>
        ))}
        {props.points.map((p, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const h = (p.value / max) * plotH;
          return (
            <g key={p.week}>
              <rect x={x} y={PAD.top + plotH - h} width={barW} height={h} className="fill-brand">
                <title>{`${props.weekLabel(p.week)}: ${p.value}`}</title>
              </rect>
              {i % 2 === props.points.length % 2 ? null : (
                <text
                  x={x + barW / 2}
                  y={HEIGHT - PAD.bottom + 16}
                  textAnchor="middle"
                  className="fill-ink text-[11px]"
                >
                  {props.weekLabel(p.week)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
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
                <td className="py-1 text-end tabular-nums">{p.value}</td>
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
