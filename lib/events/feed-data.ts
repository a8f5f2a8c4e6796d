/** Events for calendar feeds and .ics files, and the secret feed addresses. */
import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calendarFeeds, eventOccurrences, events, users } from "@/db/schema";
import { type EventViewer, visibleEvents } from "./access";
import { getEventRow, listOccurrences, type OccurrenceSummary, toSummary } from "./data";

/**
 * Events for a calendar feed: every one visible with a date that ended in the last 90 days or is
 * still to come, in the order they start. Not cut at a count: a feed that stopped at the first
 * thousand dropped the newest events from every subscribed calendar once a network had more.
 */
export async function listFeedEvents(viewer: EventViewer, options: { publicOnly?: boolean } = {}) {
  const db = await getDb();
  const since = new Date(Date.now() - 90 * 24 * 3_600_000);
  const inFeed = and(
    options.publicOnly ? eq(events.visibility, "public") : visibleEvents(viewer),
    sql`exists (select 1 from ${eventOccurrences} where ${eventOccurrences.eventId} = ${events.id} and ${eventOccurrences.endsAt} >= ${since.toISOString()}::timestamptz)`,
  );
  const [eventRows, occurrences] = await Promise.all([
    db
      .select({
        id: events.id,
        title: events.title,
        description: events.description,
        format: events.format,
        venue: events.venue,
        address: events.address,
        onlineUrl: events.onlineUrl,
        onlineUrlAttendeesOnly: events.onlineUrlAttendeesOnly,
        frequency: events.frequency,
        startsAt: events.startsAt,
        durationMinutes: events.durationMinutes,
        untilDate: events.untilDate,
        status: events.status,
        sequence: events.sequence,
        updatedAt: events.updatedAt,
        topic: events.topic,
      })
      .from(events)
      .where(inFeed)
      .orderBy(asc(events.startsAt), asc(events.id)),
    db
      .select()
      .from(eventOccurrences)
      .where(inArray(eventOccurrences.eventId, db.select({ id: events.id }).from(events).where(inFeed)))
      .orderBy(asc(eventOccurrences.startsAt)),
  ]);
  const byEvent = new Map<string, OccurrenceSummary[]>();
  for (const o of occurrences) {
    const list = byEvent.get(o.eventId) ?? [];
    list.push(toSummary(o));
    byEvent.set(o.eventId, list);
  }
  return eventRows.map((e) => ({ ...e, occurrences: byEvent.get(e.id) ?? [] }));
}
export type FeedEvent = Awaited<ReturnType<typeof listFeedEvents>>[number];

/** One event for its .ics file, if the viewer may see it. */
export async function getFeedEvent(eventId: string, viewer: EventViewer): Promise<FeedEvent | null> {
  const event = await getEventRow(eventId, viewer);
  if (!event) return null;
  return { ...event, occurrences: await listOccurrences(event.id) };
}

/** The member behind a calendar feed token, if the token is still valid. */
export async function getFeedOwner(token: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, role: users.role, status: users.status, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.token, token), ne(users.status, "blocked")));
  return row ?? null;
}

export async function getFeedToken(userId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ token: calendarFeeds.token })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId));
  return row?.token ?? null;
}
