import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import type { LegalBasis } from "./enums";
import { timeOrderedId } from "./time-ordered-id";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const uuid = (name: string) =>
  text(name)
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

/** broadcast: one mail to an audience, now or at a time · welcome: a step of the welcome sequence. */
export const CAMPAIGN_KINDS = ["broadcast", "welcome"] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/**
 * draft → scheduled → sending ⇄ paused → sent, or cancelled on the way. A welcome step is draft or
 * active (it sends to every member approved while it is active) or paused.
 */
export const CAMPAIGN_STATUSES = [
  "draft",
  "scheduled",
  "sending",
  "paused",
  "sent",
  "cancelled",
  "active",
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Who receives a broadcast. Empty lists mean "any"; every list given must match (AND). */
export type CampaignAudience = {
  members: boolean;
  roles: string[];
  topics: string[];
  languages: string[];
  municipalities: string[];
  organisationTypes: string[];
  /** External newsletter subscribers (confirmed by double opt-in, or imported with a legal basis). */
  contacts: boolean;
};

/** One language version: a recipient gets theirs, German otherwise. */
export type CampaignVersion = { subject: string; body: string };

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id"),
    kind: text("kind").$type<CampaignKind>().notNull().default("broadcast"),
    /** Internal name, shown in the admin list only. */
    title: text("title").notNull(),
    status: text("status").$type<CampaignStatus>().notNull().default("draft"),
    audience: jsonb("audience").$type<CampaignAudience>().notNull(),
    versions: jsonb("versions").$type<Partial<Record<string, CampaignVersion>>>().notNull(),
    /** Welcome steps: days after approval. */
    delayDays: integer("delay_days"),
    scheduledAt: ts("scheduled_at"),
    startedAt: ts("started_at"),
    finishedAt: ts("finished_at"),
    /** One sender at a time per campaign, so the configured rate holds with several workers. */
    senderId: text("sender_id"),
    senderLeaseUntil: ts("sender_lease_until"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("campaigns_status_idx").on(t.status, t.scheduledAt)],
);
export type Campaign = typeof campaigns.$inferSelect;

/**
 * pending: waits for due_at · sending: claimed by a sender until lease_until · sent: the SMTP server
 * accepted it · failed: refused for good (error says why) · skipped: unsubscribed before it went out.
 */
export const DELIVERY_STATUSES = ["pending", "sending", "sent", "failed", "skipped"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The outbox: one row per (campaign, recipient); its id is the mail's stable Message-ID. */
export const campaignDeliveries = pgTable(
  "campaign_deliveries",
  {
    id: text("id").primaryKey().$defaultFn(timeOrderedId),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name"),
    locale: text("locale").notNull().default("de"),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    contactId: text("contact_id").references(() => newsletterContacts.id, { onDelete: "cascade" }),
    status: text("status").$type<DeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    dueAt: ts("due_at").notNull().defaultNow(),
    leaseUntil: ts("lease_until"),
    sentAt: ts("sent_at"),
    error: text("error"),
  },
  (t) => [
    uniqueIndex("campaign_deliveries_recipient_idx").on(t.campaignId, t.email),
    index("campaign_deliveries_due_idx")
      .on(t.campaignId, t.dueAt, t.id)
      .where(sql`status IN ('pending', 'sending')`),
  ],
);
export type CampaignDelivery = typeof campaignDeliveries.$inferSelect;

export const CONTACT_STATUSES = ["pending", "confirmed", "unsubscribed"] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** External newsletter subscribers: from the public form (double opt-in) or a CSV import. */
export const newsletterContacts = pgTable(
  "newsletter_contacts",
  {
    id: uuid("id"),
    email: text("email").notNull(),
    name: text("name"),
    locale: text("locale").notNull().default("de"),
    status: text("status").$type<ContactStatus>().notNull().default("pending"),
    legalBasis: text("legal_basis").$type<LegalBasis>().notNull().default("consent"),
    /** Where the consent or basis is documented, e.g. "sign-up list, Fachtag 12 March". */
    legalNote: text("legal_note"),
    importId: text("import_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
    confirmedAt: ts("confirmed_at"),
  },
  (t) => [uniqueIndex("newsletter_contacts_email_idx").on(t.email)],
);
export type NewsletterContact = typeof newsletterContacts.$inferSelect;

/** Addresses no campaign may mail again: unsubscribed, or refused permanently. Lower-case. */
export const suppressions = pgTable("suppressions", {
  email: text("email").primaryKey(),
  reason: text("reason").$type<"unsubscribed" | "bounced">().notNull(),
  campaignId: text("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export type ImportRowError = { row: number; email: string; reason: string };

/** A CSV import: previewed first, then processed by a job that reports its progress here. */
export const contactImports = pgTable("contact_imports", {
  id: uuid("id"),
  filename: text("filename").notNull(),
  csv: text("csv").notNull(),
  legalBasis: text("legal_basis").$type<LegalBasis>().notNull(),
  legalNote: text("legal_note").notNull(),
  status: text("status").$type<"preview" | "running" | "done">().notNull().default("preview"),
  total: integer("total").notNull().default(0),
  processed: integer("processed").notNull().default(0),
  imported: integer("imported").notNull().default(0),
  errors: jsonb("errors").$type<ImportRowError[]>().notNull().default([]),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: ts("created_at").notNull().defaultNow(),
  finishedAt: ts("finished_at"),
});
export type ContactImport = typeof contactImports.$inferSelect;
