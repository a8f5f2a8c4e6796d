import "server-only";
import { applicationsNotificationSource } from "@/lib/applications/reminder";
import { eventNotificationSource } from "@/lib/events/notification-source";
import { forumNotificationSource, forumPostNotificationSource } from "@/lib/forum/notification-source";
import { messageNotificationSource } from "@/lib/messages/notification-source";
import { reportNotificationSource } from "@/lib/moderation/notification-source";
import type { NotificationKind } from "./kinds";

/**
 * What an area tells the mailer about its subjects (keyed by the subject key's prefix, e.g.
 * "conversation" for "conversation:<id>"). Areas without an entry count as visible to the recipient.
 */
export type NotificationSource = {
  /**
   * Whether the recipient may still see the subject and has not seen what the mail is about: no mail
   * goes out otherwise. `since`: when the newest of the notifications to mail happened.
   */
  canSee(input: { recipientId: string; subjectKey: string; since: Date }): Promise<boolean>;
  /** What the mail quotes: the items the recipient has not seen yet, oldest first. */
  excerpts?(input: {
    recipientId: string;
    subjectKey: string;
    /** The recipient's language, for anything the area formats (dates, labels). */
    locale: string;
    /** The params of the notifications the mail is about, oldest first. */
    params: Record<string, string>[];
    /** The notifications the mail is about, oldest first: who did what, where it leads, how often. */
    items: { kind: NotificationKind; actorId: string | null; url: string; count: number }[];
  }): Promise<MailExcerpt[]>;
};

/**
 * What a mail quotes, or with `plain` a source's own wording; `links`: addresses in that wording
 * the mail makes clickable (an event's new online link).
 */
export type MailExcerpt = { author: string | null; text: string; plain?: boolean; links?: string[] };

export const notificationSources: Record<string, NotificationSource> = {
  conversation: messageNotificationSource,
  applications: applicationsNotificationSource,
  event: eventNotificationSource,
  thread: forumNotificationSource,
  post: forumPostNotificationSource,
  report: reportNotificationSource,
};
