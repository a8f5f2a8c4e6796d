import "server-only";
import type { NotificationSource } from "@/lib/notifications/sources";
import { SUBJECTS } from "./subjects";

/**
 * Tells the mailer whether a reporter may still hear of the decision on their report
 * ("report:<subject type>:<id>"): as its subject's handler says (a forum post: while they may read
 * its category), else always.
 */
export const reportNotificationSource: NotificationSource = {
  async canSee({ recipientId, subjectKey }) {
    const [, type = "", id = ""] = subjectKey.split(":");
    const audience = SUBJECTS[type]?.audience;
    return !audience || (await audience(id, [recipientId])).length > 0;
  },
};
