import "server-only";
import { env } from "@/lib/env";
import { formatWhen, placeOf } from "@/lib/events/format";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { deliverMail } from "@/lib/mail/transport";
import { renderMail } from "./layout";

export type EventMailKind = "promoted" | "cancelled" | "reminder";

export type EventMailInput = {
  kind: EventMailKind;
  to: string;
  locale: Locale;
  name: string | null;
  title: string;
  eventPath: string;
  /** The date concerned; null when a cancelled date no longer exists. */
  when: { start: Date; end: Date } | null;
  place: { format: string; venue: string | null; address: string | null };
  /** Only for people who have a seat. */
  onlineUrl?: string | null;
};

/** One template for the event mails: waiting-list promotion, cancellation, reminder. */
export function renderEventMail(input: EventMailInput) {
  const t = translatorFor(input.locale);
  const k = `events.mail.${input.kind}` as const;
  const values = {
    title: input.title,
    when: input.when ? formatWhen(input.locale, input.when.start, input.when.end) : "",
    place: placeOf(input.place, t("events.online")),
  };
  const paragraphs = [
    input.name ? t("mail.greeting", { name: input.name }) : t("mail.greetingAnonymous"),
    t(input.when ? `${k}.body` : `${k}.bodyNoDate`, values),
  ];
  if (input.kind !== "cancelled" && values.place) paragraphs.push(t("events.mail.placeLine", values));
  if (input.onlineUrl && input.kind !== "cancelled")
    paragraphs.push(t("events.mail.onlineLine", { url: input.onlineUrl }));
  const subject = t(`${k}.subject`, values);
  const { html, text } = renderMail({
    locale: input.locale,
    heading: subject,
    paragraphs,
    action: { label: t("events.mail.action"), url: new URL(input.eventPath, env.APP_URL).toString() },
    footer: t("events.mail.footer"),
  });
  return { subject, html, text };
}

export async function sendEventMail(input: EventMailInput): Promise<void> {
  const { subject, html, text } = renderEventMail(input);
  await deliverMail({ to: input.to, subject, html, text });
}
