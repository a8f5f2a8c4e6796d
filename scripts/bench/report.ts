/** The table `npm run bench` prints, and the JSON kept in .data/bench/last.json for notes to cite. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type CampaignSendResult, formatCampaignSend } from "./campaign-send";
import type { Measurement } from "./measure";
import type { BenchRole } from "./targets";

export type TargetResult = {
  name: string;
  path: string;
  as: BenchRole;
  /** Set when the target was not measured (non-2xx during warm-up, or the load run failed). */
  error?: string;
  /** otherCpu: % of the machine's CPU that other processes used during the run (noise). */
  runs: (Measurement & { percentOfBare: number | null; otherCpu: number })[];
};

export type BenchReport = {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  dataset: { members: number; organisations: number; pendingApplications: number; generationMs: number };
  build: { buildId: string; next: string; builtThisRun: boolean };
  server: { readyVia: string; rssStartMb: number; rssWarmMb: number; rssEndMb: number; processes: number };
  secondsPerRun: number;
  connections: number[];
  results: TargetResult[];
  campaignSend?: CampaignSendResult;
};

/**
 * Throughput of a run as % of the bare route's at the same connection count. The bare route is
 * measured first and again last: the faster of the two is the yardstick. The server is often still
 * settling during the first (in five runs on two cores it was 10–55 % slower than the last), and a
 * slow yardstick would flatter every target.
 */
export function percentOfBare(run: Measurement, bare: (TargetResult | undefined)[]): number | null {
  const floor = Math.max(
    0,
    ...bare.flatMap((result) =>
      (result?.runs ?? []).filter((r) => r.connections === run.connections).map((r) => r.reqPerSec),
    ),
  );
  if (floor === 0) return null;
  return (run.reqPerSec / floor) * 100;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "–");

const COLUMNS = [
  { title: "target", width: 14, left: true },
  { title: "as", width: 11, left: true },
  { title: "conn", width: 4 },
  { title: "req/s", width: 8 },
  { title: "% bare", width: 7 },
  { title: "p50 ms", width: 7 },
  { title: "p95 ms", width: 7 },
  { title: "p99 ms", width: 7 },
  { title: "kB", width: 5 },
  { title: "non-2xx", width: 7 },
  { title: "errors", width: 6 },
  { title: "other cpu", width: 9 },
] as const;

function row(cells: string[]): string {
  return cells
    .map((cell, i) => {
      const column = COLUMNS[i]!;
      return "left" in column ? cell.padEnd(column.width) : cell.padStart(column.width);
    })
    .join("  ")
    .trimEnd();
}

export function formatTable(results: TargetResult[]): string {
  const lines = [row(COLUMNS.map((column) => column.title))];
  lines.push("-".repeat(lines[0]!.length));
  for (const result of results) {
    if (result.error) {
      lines.push(`${row([result.name, result.as])}  ${result.path}  ERROR: ${result.error}`);
      continue;
    }
    for (const run of result.runs) {
      lines.push(
        row([
          result.name,
          result.as,
          String(run.connections),
          run.reqPerSec.toFixed(0),
          run.percentOfBare === null ? "–" : `${run.percentOfBare.toFixed(0)}%`,
          ms(run.p50),
          ms(run.p95),
          ms(run.p99),
          run.kbPerResponse.toFixed(1),
          String(run.non2xx),
          String(run.errors),
          `${run.otherCpu.toFixed(0)}%`,
        ]),
      );
    }
  }
  return lines.join("\n");
}

export function formatReport(report: BenchReport): string {
  const { machine, dataset, build, server } = report;
  const busiest = Math.max(0, ...report.results.flatMap((result) => result.runs.map((run) => run.otherCpu)));
  return [
    "",
    `Knotenpunkt bench · ${report.date}`,
    `machine   ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node} (${machine.platform})`,
    `data      ${dataset.members} members, ${dataset.organisations} organisations, ` +
      `${dataset.pendingApplications} pending applications (generated in ${dataset.generationMs} ms)`,
    `build     ${build.buildId} · next ${build.next}${build.builtThisRun ? "" : " · not rebuilt (--no-build)"}`,
    `server    PostgreSQL · RSS ${server.rssStartMb} MB at start, ${server.rssWarmMb} MB after warm-up, ` +
      `${server.rssEndMb} MB at the end (${server.processes} process${server.processes === 1 ? "" : "es"})`,
    `load      autocannon, ${report.secondsPerRun} s per run at ${report.connections.join(" and ")} ` +
      "connections; latency percentiles from every response",
    "",
    formatTable(report.results),
    "",
    "% bare: throughput as a share of the bare dynamic route (/bench/bare) at the same connection count.",
    "bare is measured first and again after all targets (bare (end)); the faster of the two is the",
    "yardstick, and the gap between them is the run's noise.",
    "other cpu: share of the machine's CPU taken by processes other than this bench, its server and postgres.",
    ...(busiest > 10
      ? [`WARNING: other processes took up to ${busiest.toFixed(0)}% of the CPU: figures are noisy.`]
      : []),
    ...(report.campaignSend ? ["", formatCampaignSend(report.campaignSend)] : []),
  ].join("\n");
}

export function writeReportJson(report: BenchReport, file = ".data/bench/last.json"): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
