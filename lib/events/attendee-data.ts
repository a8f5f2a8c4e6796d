/** Who answered for a date, as its organisers and the viewer see it. */
import "server-only";
import { and, asc, eq, gte, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { eventOccurrences, eventRsvps, profiles, type RsvpResponse, users, VISIBILITY } from "@/db/schema";
import { alphabetical } from "@/db/search-fields";
import { visibleAt } from "@/lib/members/visibility";

export type ViewerRsvp = { response: RsvpResponse; waiting: boolean; position: number | null } | null;

export type AnswerCounts = { going: number; waiting: number; maybe: number };

/**
 * A date's numbers (going, waiting, maybe) and the viewer's answer, with their place in the waiting
 * list (1 = next), in one query over the date's answers.
 */
export async function getAnswers(
  occurrenceId: string,
  userId: string | null,
): Promise<{ counts: AnswerCounts; rsvp: ViewerRsvp }> {
  const db = await getDb();
  const me = userId ?? "";
  const [row] = await db
    .select({
      going:
        sql<number>`count(*) filter (where ${eventRsvps.response} = 'yes' and ${eventRsvps.waitingSince} is null)`.mapWith(
          Number,
        ),
      waiting: sql<number>`count(*) filter (where ${eventRsvps.waitingSince} is not null)`.mapWith(Number),
      maybe: sql<number>`count(*) filter (where ${eventRsvps.response} = 'maybe')`.mapWith(Number),
      response: sql<RsvpResponse | null>`max(${eventRsvps.response}) filter (where ${eventRsvps.userId} = ${me})`,
      mineWaiting: sql<boolean>`coalesce(bool_or(${eventRsvps.waitingSince} is not null) filter (where ${eventRsvps.userId} = ${me}), false)`,
      // Those waiting since before the viewer (the same moment: by id), as the queue moves up.
      ahead:
        sql<number>`count(*) filter (where (${eventRsvps.waitingSince}, ${eventRsvps.userId}) < (select m.waiting_since, m.user_id from ${eventRsvps} m where m.occurrence_id = ${occurrenceId} and m.user_id = ${me}))`.mapWith(
          Number,
        ),
    })
    .from(eventRsvps)
    .where(eq(eventRsvps.occurrenceId, occurrenceId));
  // An aggregate without GROUP BY always returns its one row.
  const { response, mineWaiting, ahead, ...counts } = row!;
  if (!response) return { counts, rsvp: null };
  return { counts, rsvp: { response, waiting: mineWaiting, position: mineWaiting ? ahead + 1 : null } };
}

export type Attendee = {
  userId: string;
  name: string;
  /** The contact e-mail of their profile where they show it to members; never the sign-in address. */
  contactEmail: string | null;
  response: RsvpResponse;
  waiting: boolean;
  answeredAt: Date;
};

/** The profile's contact e-mail where its owner shows it to members (what organisers may see), else null. */
const contactForOrganisers = sql<
  string | null
>`case when ${visibleAt(profiles.visContact, VISIBILITY.members)} then nullif(${profiles.contactEmail}, '') end`;

/** What organisers see of this member besides name and answer: the contact e-mail they show members, if any. */
export async function getContactShownToOrganisers(userId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ email: contactForOrganisers })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  return row?.email ?? null;
}

/**
 * Everyone who answered for a date: going first, then the waiting list in order, maybe, no. For
 * organisers only, who see name and answer, and an e-mail only where the profile shows one to members.
 */
export async function listAttendees(occurrenceId: string): Promise<Attendee[]> {
  const db = await getDb();
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      contactEmail: contactForOrganisers,
      response: eventRsvps.response,
      waitingSince: eventRsvps.waitingSince,
      answeredAt: eventRsvps.updatedAt,
    })
    .from(eventRsvps)
    .innerJoin(users, eq(users.id, eventRsvps.userId))
    .leftJoin(profiles, eq(profiles.userId, eventRsvps.userId))
    .where(eq(eventRsvps.occurrenceId, occurrenceId))
    .orderBy(
      sql`case when ${eventRsvps.response} = 'yes' and ${eventRsvps.waitingSince} is null then 0 when ${eventRsvps.waitingSince} is not null then 1 when ${eventRsvps.response} = 'maybe' then 2 else 3 end`,
      asc(eventRsvps.waitingSince),
      alphabetical(users.name),
    );
  return rows.map((r) => ({
    userId: r.userId,
    name: r.name ?? "",
    contactEmail: r.contactEmail,
    response: r.response,
    waiting: r.waitingSince !== null,
    answeredAt: r.answeredAt,
  }));
}

/** How many people an organiser's change of this date reaches: those who said yes (or wait) or maybe. */
export async function countAnswered(occurrenceId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.occurrenceId, occurrenceId), ne(eventRsvps.response, "no")));
  return row?.count ?? 0;
}

/** The most people holding a seat on one coming date of the event (0 when none). */
export async function mostGoing(eventId: string, now = new Date()): Promise<number> {
  const db = await getDb();
  const rows = await db
    .select({ going: sql<number>`count(*)`.mapWith(Number) })
    .from(eventRsvps)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, eventRsvps.occurrenceId))
    .where(
      and(
        eq(eventOccurrences.eventId, eventId),
        eq(eventOccurrences.status, "scheduled"),
        gte(eventOccurrences.endsAt, now),
        eq(eventRsvps.response, "yes"),
        isNull(eventRsvps.waitingSince),
      ),
    )
    .groupBy(eventOccurrences.id);
  return Math.max(0, ...rows.map((r) => r.going));
}
