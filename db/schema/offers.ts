import { index, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";
import type { OfferFormat } from "./enums";
import { GIN_READ_MOSTLY } from "./gin";
import { organisations, type Visibility } from "./network";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * What an organisation runs for newcomers: a counselling service, a language course, an open café.
 * Shown on the organisation's page; edited there by its admins and by coordinators.
 */
export const organisationOffers = pgTable(
  "organisation_offers",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Markdown, rendered sanitised. */
    description: text("description"),
    topics: text("topics").array().notNull().default([]),
    languages: text("languages").array().notNull().default([]),
    formats: text("formats").$type<OfferFormat[]>().array().notNull().default([]),
    municipality: text("municipality"),
    /** Where exactly: "Rathaus Zeitz, Zimmer 12". */
    location: text("location"),
    /** When: "Dienstag 9–12 Uhr, ohne Termin". */
    schedule: text("schedule"),
    /** How to take part: "Termin unter 03441 123456". */
    contact: text("contact"),
    /** 0 everyone, 1 signed-in members (db/schema/network.ts VISIBILITY). */
    visibility: smallint("visibility").$type<Visibility>().notNull().default(0),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("organisation_offers_organisation_idx").on(t.organisationId, t.title),
    index("organisation_offers_topics_idx").using("gin", t.topics).with(GIN_READ_MOSTLY),
    index("organisation_offers_languages_idx").using("gin", t.languages).with(GIN_READ_MOSTLY),
  ],
);
export type OrganisationOffer = typeof organisationOffers.$inferSelect;
export type NewOrganisationOffer = typeof organisationOffers.$inferInsert;
