import "server-only";
import { env } from "@/lib/env";
import { formatWhen, placeOf } from "@/lib/events/format";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { deliverMail } from "@/lib/mail/transport";
import { getNetworkName } from "@/lib/settings/data";
import { escapeHtml } from "@/lib/ui/html";
import { renderMail } from "./layout";

export type EventMailKind = "promoted" | "cancelled" | "reminder" | "withdrawn";

type Recipient = { to: string; locale: Locale; name: string | null; title: string };

/**
 * Someone's answers were withdrawn because the event is now a working group's they are not in: the
 * mail names no group, time, place or link, as they may no longer see them.
 */
export type WithdrawnMailInput = Recipient & {
  kind: "withdrawn";
  /** How many dates they had answered. */
  answers: number;
};

export type EventMailInput =
  | WithdrawnMailInput
  | (Recipient & DateMailInput & { kind: Exclude<EventMailKind, "withdrawn"> });

type DateMailInput = {
  eventPath: string;
  /** The date concerned; null when a cancelled date no longer exists. */
  when: { start: Date; end: Date } | null;
  place: { format: string; venue: string | null; address: string | null };
  /** Only for people who have a seat. */
  onlineUrl?: string | null;
  /** For a cancellation: every date of the recipient's it concerns. */
  dates?: { start: Date; end: Date }[];
  /** For a cancellation: the whole event is off, every date of it. */
  wholeEvent?: boolean;
};

/** The cancellation's wording: the whole event, several dates (listed), or the one date. */
function cancellationParagraphs(
  input: Recipient & DateMailInput,
  t: ReturnType<typeof translatorFor>,
  values: { title: string; when: string },
) {
  const dates = (input.dates ?? []).map((d) => formatWhen(input.locale, d.start, d.end));
  const list =
    dates.length > 0
      ? {
          html: `<ul style="margin:0;padding-inline-start:20px">${dates.map((d) => `<li>${escapeHtml(d)}</li>`).join("")}</ul>`,
          text: dates.map((d) => `- ${d}`).join("\n"),
        }
      : undefined;
  if (input.wholeEvent)
    return {
      paragraphs: [
        t("events.mail.cancelled.bodyEvent", values),
        ...(list ? [t("events.mail.cancelled.yourDates", { count: dates.length })] : []),
      ],
      list,
    };
  if (dates.length > 1) return { paragraphs: [t("events.mail.cancelled.bodyDates", values)], list };
  return {
    paragraphs: [t(input.when ? "events.mail.cancelled.body" : "events.mail.cancelled.bodyNoDate", values)],
  };
}

/** One template for the event mails: waiting-list promotion, cancellation, reminder, withdrawn answers. */
export function renderEventMail(input: EventMailInput, network: string) {
  const t = translatorFor(input.locale);
  const greeting = input.name ? t("mail.greeting", { name: input.name }) : t("mail.greetingAnonymous");
  if (input.kind === "withdrawn") {
    const subject = t("events.mail.withdrawn.subject", { title: input.title });
    const { html, text } = renderMail({
      locale: input.locale,
      heading: subject,
      paragraphs: [greeting, t("events.mail.withdrawn.body", { title: input.title, count: input.answers })],
      footer: t("events.mail.footer", { network }),
    });
    return { subject, html, text };
  }
  const k = `events.mail.${input.kind}` as const;
  const values = {
    title: input.title,
    when: input.when ? formatWhen(input.locale, input.when.start, input.when.end) : "",
    place: placeOf(input.place, t("events.online")),
  };
  const cancellation = input.kind === "cancelled" ? cancellationParagraphs(input, t, values) : null;
  const paragraphs = [
    greeting,
    ...(cancellation ? cancellation.paragraphs : [t(input.when ? `${k}.body` : `${k}.bodyNoDate`, values)]),
  ];
  if (input.kind !== "cancelled" && values.place) paragraphs.push(t("events.mail.placeLine", values));
  if (input.onlineUrl && input.kind !== "cancelled")
    paragraphs.push(t("events.mail.onlineLine", { url: input.onlineUrl }));
  const subject = t(`${k}.subject`, values);
  const { html, text } = renderMail({
    locale: input.locale,
    heading: subject,
    paragraphs,
    rich: cancellation?.list,
    action: { label: t("events.mail.action"), url: new URL(input.eventPath, env.APP_URL).toString() },
    footer: t("events.mail.footer", { network }),
  });
  return { subject, html, text };
}

export async function sendEventMail(input: EventMailInput): Promise<void> {
  const { subject, html, text } = renderEventMail(input, await getNetworkName(input.locale));
  await deliverMail({ to: input.to, subject, html, text });
}
