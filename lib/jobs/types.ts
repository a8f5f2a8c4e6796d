/** A job handler: throw to fail the attempt (pg-boss retries it with backoff). */
// biome-ignore lint/suspicious/noExplicitAny: job data is JSON chosen by each area
export type JobHandler = (data: any) => Promise<void>;

/** A recurring job: pg-boss enqueues `name` per cron expression (evaluated in `tz`). */
export type JobSchedule = {
  name: string;
  cron: string;
  data?: object;
  tz?: string;
  /** Also enqueue it once whenever a worker starts (e.g. to pick up work a crashed worker left). */
  onStart?: boolean;
};
