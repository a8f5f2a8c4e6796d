import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import type { EventFormat, EventFrequency, EventVisibility, RsvpResponse } from "./enums";
import { GIN_READ_MOSTLY } from "./gin";
import { workingGroups } from "./groups";
import { organisations } from "./network";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** An event or a series of them; its dates live in event_occurrences. */
export const events = pgTable(
  "events",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    title: text("title").notNull(),
    /** Markdown, rendered sanitised. */
    description: text("description").notNull().default(""),
    topic: text("topic"),
    languages: text("languages").array().notNull().default([]),
    format: text("format").$type<EventFormat>().notNull().default("in_person"),
    venue: text("venue"),
    address: text("address"),
    municipality: text("municipality"),
    onlineUrl: text("online_url"),
    /** The online link is shown to people who said yes (and organisers) only. */
    onlineUrlAttendeesOnly: boolean("online_url_attendees_only").notNull().default(true),
    accessibility: text("accessibility"),
    organiserUserId: text("organiser_user_id").references(() => users.id, { onDelete: "set null" }),
    organiserOrganisationId: text("organiser_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    visibility: text("visibility").$type<EventVisibility>().notNull().default("public"),
    groupId: text("group_id").references(() => workingGroups.id, { onDelete: "set null" }),
    /** Start of the first date, and how long each date lasts; dates repeat per `frequency` until `untilDate` (Berlin). */
    startsAt: ts("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    frequency: text("frequency").$type<EventFrequency>().notNull().default("none"),
    untilDate: date("until_date", { mode: "string" }),
    capacity: integer("capacity"),
    status: text("status").$type<"scheduled" | "cancelled">().notNull().default("scheduled"),
    /** iCalendar SEQUENCE: raised on every change calendar apps should pick up. */
    sequence: integer("sequence").notNull().default(0),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("events_organisation_idx").on(t.organiserOrganisationId),
    index("events_group_idx").on(t.groupId),
    // For selective list filters: the planner can start from the matching events instead of the dates.
    index("events_topic_idx").on(t.topic),
    index("events_municipality_idx").on(t.municipality),
    index("events_languages_idx").using("gin", t.languages).with(GIN_READ_MOSTLY),
  ],
);
export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;

/** One date of an event. A moved date keeps its slot (the Berlin date the rule gave it); a cancelled one stays, marked. */
export const eventOccurrences = pgTable(
  "event_occurrences",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    slotDate: date("slot_date", { mode: "string" }).notNull(),
    /** Where the rule puts this date (iCalendar RECURRENCE-ID); differs from startsAt when moved. */
    originalStartsAt: ts("original_starts_at").notNull(),
    startsAt: ts("starts_at").notNull(),
    endsAt: ts("ends_at").notNull(),
    status: text("status").$type<"scheduled" | "cancelled">().notNull().default("scheduled"),
    /** The start the reminder went out for; a moved date gets a new reminder. */
    remindedFor: ts("reminded_for"),
    /** This date's own place, when it differs from the event's: set (with the three below) or null for the event's. */
    format: text("format").$type<EventFormat>(),
    venue: text("venue"),
    address: text("address"),
    onlineUrl: text("online_url"),
    /** The municipality of this date's own place in person (the events list filters by it). */
    municipality: text("municipality"),
  },
  (t) => [
    uniqueIndex("event_occurrences_slot_idx").on(t.eventId, t.slotDate),
    index("event_occurrences_starts_idx").on(t.startsAt, t.id),
  ],
);
export type EventOccurrence = typeof eventOccurrences.$inferSelect;

/** A person's answer for one date. A "yes" beyond the capacity waits, first come first served. */
export const eventRsvps = pgTable(
  "event_rsvps",
  {
    occurrenceId: text("occurrence_id")
      .notNull()
      .references(() => eventOccurrences.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    response: text("response").$type<RsvpResponse>().notNull(),
    /** Set while a "yes" waits for a seat: the queue is ordered by it. */
    waitingSince: ts("waiting_since"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.occurrenceId, t.userId] }),
    index("event_rsvps_user_idx").on(t.userId),
    index("event_rsvps_waiting_idx").on(t.occurrenceId, t.waitingSince).where(sql`waiting_since is not null`),
    // The dashboard's current week (as on forum_posts).
    index("event_rsvps_created_brin").using("brin", t.createdAt),
  ],
);
export type EventRsvp = typeof eventRsvps.$inferSelect;

/** A member's secret calendar feed address; deleting the row revokes it. */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  token: text("token").notNull().unique(),
  createdAt: ts("created_at").notNull().defaultNow(),
});
export type CalendarFeed = typeof calendarFeeds.$inferSelect;
