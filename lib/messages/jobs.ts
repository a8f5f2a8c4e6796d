import "server-only";
import type { JobHandler, JobSchedule } from "@/lib/jobs/types";
import { deleteStalePending } from "@/lib/uploads/pending";

export const CLEANUP_PENDING_JOB = "messages.cleanupPending";

/** Messages job handlers, registered in lib/jobs/registry.ts. */
export const messagesJobs: Record<string, JobHandler> = {
  [CLEANUP_PENDING_JOB]: async () => {
    await deleteStalePending("message_pending");
  },
};

/** Hourly: files of a message sent back and never sent are deleted a day later. */
export const messagesSchedules: JobSchedule[] = [{ name: CLEANUP_PENDING_JOB, cron: "27 * * * *" }];
