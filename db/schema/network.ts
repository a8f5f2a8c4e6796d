import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const ORGANISATION_TYPES = [
  "public_authority",
  "welfare_association",
  "association",
  "migrant_organisation",
  "education_provider",
  "employer",
  "other",
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const organisations = pgTable(
  "organisations",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    type: text("type").$type<OrganisationType>().notNull().default("other"),
    municipality: text("municipality"),
    /** active, or proposed at sign-up and waiting for a coordinator. */
    status: text("status").$type<"active" | "proposed">().notNull().default("active"),
    proposedById: text("proposed_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organisations_slug_idx").on(t.slug), index("organisations_name_idx").on(t.name)],
);
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;

/** What a person told us about their work; filled at sign-up or invitation, edited on the profile. */
export const profiles = pgTable("profiles", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  organisationId: text("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
  jobFunction: text("job_function"),
  municipality: text("municipality"),
  topics: text("topics").array().notNull().default([]),
  languages: text("languages").array().notNull().default([]),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});
export type Profile = typeof profiles.$inferSelect;
export type NewProfile = typeof profiles.$inferInsert;

export const APPLICATION_STATUSES = ["pending", "approved", "rejected"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const applications = pgTable(
  "applications",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    source: text("source").$type<"signup" | "invitation">().notNull(),
    status: text("status").$type<ApplicationStatus>().notNull().default("pending"),
    /** Language the applicant used; decisions are mailed in it. */
    locale: text("locale").notNull(),
    proposedOrganisation: text("proposed_organisation"),
    reason: text("reason"),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: ts("decided_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("applications_user_idx").on(t.userId),
    index("applications_status_idx").on(t.status, t.createdAt),
  ],
);
export type Application = typeof applications.$inferSelect;

export const consents = pgTable(
  "consents",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"privacy_policy">().notNull(),
    policyVersion: text("policy_version").notNull(),
    acceptedAt: ts("accepted_at").notNull().defaultNow(),
  },
  (t) => [index("consents_user_idx").on(t.userId)],
);
