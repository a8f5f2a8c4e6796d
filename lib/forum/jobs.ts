import "server-only";
import type { JobHandler, JobSchedule } from "@/lib/jobs/types";
import { deleteStalePending } from "@/lib/uploads/pending";

export const CLEANUP_PENDING_JOB = "forum.cleanupPending";

/** Forum job handlers, registered in lib/jobs/registry.ts. */
export const forumJobs: Record<string, JobHandler> = {
  [CLEANUP_PENDING_JOB]: async () => {
    await deleteStalePending("forum_pending");
  },
};

/** Hourly: files sent with a preview but never posted are deleted a day later. */
export const forumSchedules: JobSchedule[] = [{ name: CLEANUP_PENDING_JOB, cron: "23 * * * *" }];
