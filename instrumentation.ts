/**
 * Next.js calls register() once when the server starts. The job worker runs here (Node.js runtime
 * only, never while `next build` runs): always with PGlite, whose folder only this process may open,
 * and with PostgreSQL unless JOBS_IN_PROCESS=0 (then run `npm run worker`).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startInProcessWorker } = await import("./lib/jobs/worker");
  // Not awaited: the server answers requests while the worker connects; failures are logged.
  startInProcessWorker().catch((error: unknown) => console.error("[jobs] worker did not start:", error));
}
