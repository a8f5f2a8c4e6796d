import "server-only";
import type { JobHandler, JobSchedule } from "@/lib/jobs/types";
import { REMINDER_JOB, sendDueReminders, sendReminder } from "./reminders";

export const REMINDER_SWEEP_JOB = "events.reminder-sweep";

/** Event job handlers, registered in lib/jobs/registry.ts. */
export const eventsJobs: Record<string, JobHandler> = {
  [REMINDER_JOB]: async (data: { occurrenceId: string; startsAt: string }) => {
    await sendReminder(data);
  },
  [REMINDER_SWEEP_JOB]: async () => {
    await sendDueReminders();
  },
};

/** Hourly, in case a planned reminder was lost (e.g. a date created less than a day ahead). */
export const eventsSchedules: JobSchedule[] = [{ name: REMINDER_SWEEP_JOB, cron: "17 * * * *" }];
