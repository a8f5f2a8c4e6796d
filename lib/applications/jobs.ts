import "server-only";
import type { JobHandler, JobSchedule } from "@/lib/jobs/types";
import { REMIND_JOB, remindCoordinators } from "./reminder";

/** Application job handlers, registered in lib/jobs/registry.ts. */
export const applicationJobs: Record<string, JobHandler> = {
  [REMIND_JOB]: async () => {
    await remindCoordinators();
  },
};

/** Weekday mornings at 8 (Europe/Berlin), when the coordination office starts work. */
export const applicationSchedules: JobSchedule[] = [{ name: REMIND_JOB, cron: "0 8 * * 1-5" }];
