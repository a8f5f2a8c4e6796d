/**
 * What the machine did besides serving the bench, read from Linux /proc: the server's memory, and
 * how much CPU other processes (other people's builds and tests) took while a run was measured.
 */
import { readdirSync, readFileSync } from "node:fs";

type ProcessInfo = { pid: number; ppid: number; comm: string; jiffies: number };

function listProcesses(): ProcessInfo[] {
  const processes: ProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // the command name may contain spaces and parentheses: the fields after the last ")" are fixed
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      processes.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        comm: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
        jiffies: Number(fields[11]) + Number(fields[12]), // utime + stime
      });
    } catch {
      // the process ended while we looked
    }
  }
  return processes;
}

function tree(processes: ProcessInfo[], rootPid: number): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  for (const info of processes) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info]);
  const found = processes.filter((info) => info.pid === rootPid);
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i]!.pid) ?? []));
  return found;
}

/** Resident memory of a process and all its descendants, in MB. */
export function treeRssMb(rootPid: number): { mb: number; processes: number } {
  let kb = 0;
  let processes = 0;
  for (const { pid } of tree(listProcesses(), rootPid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      processes++;
    } catch {
      // ended meanwhile
    }
  }
  return { mb: Math.round(kb / 102.4) / 10, processes };
}

export type CpuSnapshot = { total: number; busy: number; ours: number };

/**
 * CPU time so far: the whole machine's, and that of this process tree (load generator and server)
 * plus every postgres process (the bench database's backends cannot be told apart from others').
 */
export function cpuSnapshot(): CpuSnapshot {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = [user, nice, system, idle, iowait, irq, softirq, steal].reduce<number>(
    (a, b) => a + (b ?? 0),
    0,
  );
  const processes = listProcesses();
  const mine = tree(processes, process.pid).map((info) => info.pid);
  const ours = processes
    .filter((info) => info.comm === "postgres" || mine.includes(info.pid))
    .reduce((sum, info) => sum + info.jiffies, 0);
  return { total, busy: total - (idle ?? 0) - (iowait ?? 0), ours };
}

/** Share of the machine's CPU capacity used by anything else between two snapshots, in %. */
export function otherCpuPercent(before: CpuSnapshot, after: CpuSnapshot): number {
  const total = after.total - before.total;
  if (total <= 0) return 0;
  const other = after.busy - before.busy - (after.ours - before.ours);
  return Math.max(0, (other / total) * 100);
}
