import type { NotificationKind } from "./kinds";

/** A translator for the "notifications" namespace, loosely typed so pages and mails share it. */
export type KindTranslator = (key: string, values?: Record<string, string | number | Date>) => string;

/** The line for a notification, from messages `notifications.kinds.<kind>` and its params. */
export function notificationText(
  t: KindTranslator,
  item: { kind: NotificationKind; params: Record<string, string>; count: number; actorName: string | null },
): string {
  const values: Record<string, string | number | Date> = {
    title: "",
    on: "none",
    group: "no",
    decision: "other",
    subject: "other",
    excerpt: "",
    ...item.params,
    actor: item.actorName ?? t("someone"),
    count: item.count,
  };
  // A group without a title of its own is named by its members on its page; a line names no one.
  if (values.group === "yes" && !values.title) values.group = "untitled";
  // A change of one date names its day; a burst of changes (it may have touched others) does not.
  if (item.params.on) values.on = item.count === 1 ? new Date(item.params.on) : "none";
  return t(`kinds.${item.kind}`, values);
}
