/**
 * The primary of a multi-process web server (scripts/serve.ts with WEB_CONCURRENCY > 1): forks the
 * web processes, which share the port (node:cluster hands each connection to one of them), replaces
 * one that dies, and stops them all on SIGTERM or SIGINT. Only the first runs the in-process job
 * worker: one is enough (more would only poll the queue more often), and `npm run worker` adds more.
 */
import cluster, { type Worker } from "node:cluster";

export function superviseWebProcesses(count: number): void {
  const runsJobs = new Map<Worker, boolean>();
  const listened = new Set<Worker>();
  let stopping = false;
  let exitCode = 0;

  const fork = (jobs: boolean) => {
    runsJobs.set(cluster.fork(jobs ? {} : { JOBS_IN_PROCESS: "0" }), jobs);
  };
  for (let i = 0; i < count; i++) fork(i === 0);
  console.log(`Starting ${count} web processes (WEB_CONCURRENCY) …`);

  cluster.on("listening", (worker) => listened.add(worker));
  cluster.on("exit", (worker, code, signal) => {
    const jobs = runsJobs.get(worker) ?? false;
    runsJobs.delete(worker);
    const served = listened.delete(worker);
    if (stopping) {
      if (runsJobs.size === 0) process.exit(exitCode);
      return;
    }
    if (!served) {
      // It never served (say, the database is unreachable): the others would fail alike.
      console.error(`A web process failed to start (${signal ?? `exit code ${code}`}); stopping.`);
      stop("SIGTERM", 1);
      return;
    }
    console.error(
      `Web process ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); starting another.`,
    );
    fork(jobs);
  });

  function stop(signal: NodeJS.Signals, code: number) {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const worker of runsJobs.keys()) worker.process.kill(signal);
    if (runsJobs.size === 0) process.exit(code);
    setTimeout(() => process.exit(code), 10_000).unref();
  }
  process.on("SIGINT", () => stop("SIGINT", 130));
  process.on("SIGTERM", () => stop("SIGTERM", 143));
}
