import "server-only";
import { sql } from "drizzle-orm";
import { type EventFormat, eventOccurrences, events } from "@/db/schema";

/**
 * A date's place in SQL, for queries over event_occurrences joined to events: the date's own place
 * where it has one (its `format` is set), else the event's.
 */
const own = sql`${eventOccurrences.format} is not null`;
export const datePlaceColumns = {
  format: sql<EventFormat>`coalesce(${eventOccurrences.format}, ${events.format})`,
  venue: sql<string | null>`case when ${own} then ${eventOccurrences.venue} else ${events.venue} end`,
  address: sql<string | null>`case when ${own} then ${eventOccurrences.address} else ${events.address} end`,
  onlineUrl: sql<
    string | null
  >`case when ${own} then ${eventOccurrences.onlineUrl} else ${events.onlineUrl} end`,
  municipality: sql<
    string | null
  >`case when ${own} then ${eventOccurrences.municipality} else ${events.municipality} end`,
};
