import "server-only";
import { applicationJobs, applicationSchedules } from "@/lib/applications/jobs";
import { contactImportJobs } from "@/lib/campaigns/import-jobs";
import { campaignJobs, campaignSchedules } from "@/lib/campaigns/jobs";
import { eventsJobs, eventsSchedules } from "@/lib/events/jobs";
import { feedbackJobs } from "@/lib/feedback/jobs";
import { forumJobs, forumSchedules } from "@/lib/forum/jobs";
import { messagesJobs, messagesSchedules } from "@/lib/messages/jobs";
import { notificationJobs, notificationSchedules } from "@/lib/notifications/jobs";
import type { JobHandler, JobSchedule } from "./types";

export type { JobHandler, JobSchedule } from "./types";

/**
 * Every job the worker runs: each area exports `<area>Jobs` from lib/<area>/jobs.ts
 * (`{ "<area>.<job>": handler }`) and adds one line here.
 */
export const jobHandlers: Record<string, JobHandler> = {
  ...notificationJobs,
  ...eventsJobs,
  ...campaignJobs,
  ...contactImportJobs,
  ...applicationJobs,
  ...forumJobs,
  ...messagesJobs,
  ...feedbackJobs,
};

/** Recurring jobs (cron, Europe/Berlin unless stated). */
export const jobSchedules: JobSchedule[] = [
  ...notificationSchedules,
  ...eventsSchedules,
  ...campaignSchedules,
  ...applicationSchedules,
  ...forumSchedules,
  ...messagesSchedules,
];
