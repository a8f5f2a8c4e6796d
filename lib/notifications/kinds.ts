import { EMAIL_MODES, type EmailMode, NOTIFICATION_KINDS, type NotificationKind } from "@/db/schema/enums";

export type { EmailMode, NotificationKind };
export { EMAIL_MODES, NOTIFICATION_KINDS };

/** E-mail mode of each kind until a member chooses. Application decisions already come as their own mail. */
export const DEFAULT_EMAIL_MODES: Record<NotificationKind, EmailMode> = {
  message: "immediate",
  mention: "immediate",
  reply: "immediate",
  moderation: "immediate",
  event_change: "immediate",
  application_decision: "off",
  applications_waiting: "immediate",
};

/** Kinds only coordinators (and admins) receive; members do not see them in their settings. */
export const COORDINATOR_KINDS: readonly NotificationKind[] = ["applications_waiting"];

/** The kinds a person can receive, in the order the settings list them. */
export const kindsFor = (coordinator: boolean): NotificationKind[] =>
  NOTIFICATION_KINDS.filter((kind) => coordinator || !COORDINATOR_KINDS.includes(kind));

export const isNotificationKind = (value: unknown): value is NotificationKind =>
  NOTIFICATION_KINDS.includes(value as NotificationKind);

export const isEmailMode = (value: unknown): value is EmailMode => EMAIL_MODES.includes(value as EmailMode);

export function emailModeOf(
  modes: Partial<Record<NotificationKind, EmailMode>> | null | undefined,
  kind: NotificationKind,
): EmailMode {
  const chosen = modes?.[kind];
  return isEmailMode(chosen) ? chosen : DEFAULT_EMAIL_MODES[kind];
}

/** The area of a subject key: "conversation:<id>" → "conversation". */
export const subjectArea = (subjectKey: string): string => subjectKey.split(":", 1)[0] ?? "";

export const DEFAULT_DIGEST_HOUR = 7;

/** The centre itself: the link of a notification about something its reader cannot open any more. */
export const NOTIFICATIONS_PATH = "/notifications";
