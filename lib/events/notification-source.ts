import "server-only";
import { and, asc, eq, gte, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { eventOccurrences, eventRsvps, events, users } from "@/db/schema";
import { isLocale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { toEventViewer, visibleEvents } from "./access";
import { formatWhen, placeOf } from "./format";

const eventOf = (subjectKey: string) => subjectKey.slice("event:".length);

/** The recipient's coming dates of the event they answered yes or maybe for, with the time and place now. */
async function recipientDates(recipientId: string, eventId: string) {
  const db = await getDb();
  return db
    .select({
      startsAt: eventOccurrences.startsAt,
      endsAt: eventOccurrences.endsAt,
      format: events.format,
      venue: events.venue,
      address: events.address,
    })
    .from(eventRsvps)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRsvps.occurrenceId))
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(
      and(
        eq(eventRsvps.userId, recipientId),
        ne(eventRsvps.response, "no"),
        eq(events.id, eventId),
        eq(eventOccurrences.status, "scheduled"),
        gte(eventOccurrences.endsAt, new Date()),
      ),
    )
    .orderBy(asc(eventOccurrences.startsAt))
    .limit(10);
}

/** Tells the mailer whether an event change may still go out, and the time and place it now has. */
export const eventNotificationSource = {
  /**
   * Only while the event takes place and the recipient may see it: once it is cancelled, a change
   * mailed after the cancellation mail would say it still happens.
   */
  async canSee({ recipientId, subjectKey }: { recipientId: string; subjectKey: string }): Promise<boolean> {
    const db = await getDb();
    const [recipient] = await db
      .select({ id: users.id, status: users.status, role: users.role })
      .from(users)
      .where(eq(users.id, recipientId));
    if (!recipient) return false;
    const [event] = await db
      .select({ status: events.status })
      .from(events)
      .where(and(eq(events.id, eventOf(subjectKey)), visibleEvents(toEventViewer(recipient))));
    return event?.status === "scheduled";
  },
  /** One line per date of theirs: the time (Berlin) and place it has now. */
  async excerpts({
    recipientId,
    subjectKey,
    locale,
  }: {
    recipientId: string;
    subjectKey: string;
    locale: string;
  }) {
    const dates = await recipientDates(recipientId, eventOf(subjectKey));
    if (dates.length === 0) return [];
    const language = isLocale(locale) ? locale : "de";
    const t = translatorFor(language);
    const lines = dates.map((d) => {
      const when = formatWhen(language, d.startsAt, d.endsAt);
      const place = placeOf(d, t("events.online"));
      return place
        ? t("events.mail.changed.line", { when, place })
        : t("events.mail.changed.lineNoPlace", { when });
    });
    return [{ author: null, text: [t("events.mail.changed.intro"), ...lines].join("\n") }];
  },
};
