import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { foldedInSql } from "../folding";
import { users } from "./auth";
import type { OrganisationType } from "./enums";
import { GIN_READ_MOSTLY } from "./gin";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const organisations = pgTable(
  "organisations",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** The name as searched and sorted (foldName), kept by the database. */
    nameFolded: text("name_folded")
      .notNull()
      .generatedAlwaysAs(() => foldedInSql(sql`"name"`)),
    type: text("type").$type<OrganisationType>().notNull().default("other"),
    municipality: text("municipality"),
    /** active, or proposed at sign-up and waiting for a coordinator. */
    status: text("status").$type<"active" | "proposed">().notNull().default("active"),
    proposedById: text("proposed_by_id").references(() => users.id, { onDelete: "set null" }),
    description: text("description"),
    street: text("street"),
    postcode: text("postcode"),
    city: text("city"),
    phone: text("phone"),
    email: text("email"),
    website: text("website"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisations_slug_idx").on(t.slug),
    index("organisations_name_idx").on(t.name),
    // the confirmed organisations in name order: lists, suggestions, a list page's keyset
    index("organisations_active_name_idx").on(t.nameFolded, t.id).where(sql`${t.status} = 'active'`),
    index("organisations_type_idx").on(t.type),
  ],
);
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;

/** Who may see a profile field: 0 everyone, 1 signed-in members, 2 only the member. */
export const VISIBILITY = { public: 0, members: 1, hidden: 2 } as const;
export type Visibility = (typeof VISIBILITY)[keyof typeof VISIBILITY];

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A word's weight in `profiles.search` tells who may find the profile by it: see `searchWeights`. */
const weightFor = (visibility: string) =>
  `(case ${visibility} when 0 then 'A' when 1 then 'B' else 'C' end)::"char"`;

/**
 * Name, function, names of the member's organisations, bio, and the names of their topics and
 * languages in every UI language (topic_search_words and language_search_words, migrations 0016 and
 * 0018), each part weighted by the visibility of its own field (migration 0020).
 */
const PROFILE_SEARCH_VECTOR = [
  `setweight(to_tsvector('german', search_text), ${weightFor("vis_name")})`,
  `setweight(to_tsvector('german', coalesce(job_function, '')), ${weightFor("vis_job_function")})`,
  `setweight(to_tsvector('german', organisation_names), ${weightFor("vis_organisation")})`,
  `setweight(to_tsvector('german', coalesce(bio, '')), ${weightFor("vis_bio")})`,
  `setweight(to_tsvector('german', topic_search_words(topics)), ${weightFor("vis_topics")})`,
  `setweight(to_tsvector('german', language_search_words(languages)), ${weightFor("vis_languages")})`,
].join(" || ");

const visibility = (name: string, initial: Visibility = VISIBILITY.members) =>
  smallint(name).$type<Visibility>().notNull().default(initial);

/** What a person told us about their work; filled at sign-up or invitation, edited on the profile. */
export const profiles = pgTable(
  "profiles",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    jobFunction: text("job_function"),
    municipality: text("municipality"),
    topics: text("topics").array().notNull().default([]),
    languages: text("languages").array().notNull().default([]),
    bio: text("bio"),
    photoId: text("photo_id").references((): AnyPgColumn => uploads.id, { onDelete: "set null" }),
    phone: text("phone"),
    contactEmail: text("contact_email"),
    website: text("website"),
    /** Lower-case name with umlauts and accents folded ("Müller" → "muller"), for typo-tolerant search. */
    nameFolded: text("name_folded").notNull().default(""),
    /** The name as written, for the full-text vector; kept by the mutations that change it. */
    searchText: text("search_text").notNull().default(""),
    /** The names of the member's organisations, the main one first, for the full-text vector. */
    organisationNames: text("organisation_names").notNull().default(""),
    search: tsvector("search").generatedAlwaysAs(sql.raw(PROFILE_SEARCH_VECTOR)),
    visName: visibility("vis_name"),
    visPhoto: visibility("vis_photo"),
    visJobFunction: visibility("vis_job_function"),
    visOrganisation: visibility("vis_organisation"),
    visMunicipality: visibility("vis_municipality"),
    visTopics: visibility("vis_topics"),
    visLanguages: visibility("vis_languages"),
    visBio: visibility("vis_bio"),
    visContact: visibility("vis_contact"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("profiles_search_idx").using("gin", t.search).with(GIN_READ_MOSTLY),
    index("profiles_name_trgm_idx").using("gin", sql`name_folded gin_trgm_ops`).with(GIN_READ_MOSTLY),
    index("profiles_topics_idx").using("gin", t.topics).with(GIN_READ_MOSTLY),
    index("profiles_languages_idx").using("gin", t.languages).with(GIN_READ_MOSTLY),
    index("profiles_municipality_idx").on(t.municipality),
    index("profiles_organisation_idx").on(t.organisationId),
    index("profiles_directory_idx").on(t.nameFolded, t.userId),
  ],
);
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

/** Members who may edit their organisation's page. */
export const organisationAdmins = pgTable(
  "organisation_admins",
  {
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    index("organisation_admins_user_idx").on(t.userId),
  ],
);

/**
 * Further organisations a member works for, beside the main one (profiles.organisation_id) that the
 * coordination confirmed at approval: a volunteer's association, a second employer. Set by the member.
 */
export const profileOrganisations = pgTable(
  "profile_organisations",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The member's order. */
    position: smallint("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index("profile_organisations_organisation_idx").on(t.organisationId, t.userId),
  ],
);
export type ProfileOrganisation = typeof profileOrganisations.$inferSelect;

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** What an upload is for. *_pending: a file sent with a form that came back, kept for the member until they send it (lib/uploads/pending.ts). */
export type UploadPurpose =
  | "profile_photo"
  | "forum_attachment"
  | "forum_pending"
  | "message_attachment"
  | "message_pending";

/** Uploaded files (photos, attachments), kept in the database so every app instance can serve them. */
export const uploads = pgTable(
  "uploads",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<UploadPurpose>().notNull(),
    contentType: text("content_type").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    byteSize: integer("byte_size").notNull(),
    data: bytea("data").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("uploads_owner_idx").on(t.ownerId)],
);
export type Upload = typeof uploads.$inferSelect;
export type NewUpload = typeof uploads.$inferInsert;
