import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { timeOrderedId } from "./time-ordered-id";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Network-wide settings such as the legal texts, editable by admins. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** Demo mode only: every mail the platform sends, shown at /dev/mailbox. */
export const devOutbox = pgTable(
  "dev_outbox",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** The headers the dev mailbox shows (From, Reply-To, List-Unsubscribe…), as sent. */
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("dev_outbox_created_idx").on(t.createdAt)],
);
export type DevMail = typeof devOutbox.$inferSelect;

/** Fixed-window counters shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: ts("window_start").notNull(),
  count: integer("count").notNull(),
});

export const feedback = pgTable("feedback", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  kind: text("kind").$type<"accessibility">().notNull(),
  name: text("name"),
  email: text("email"),
  pageUrl: text("page_url"),
  message: text("message").notNull(),
  /** The form's one-time key (lib/submissions): the same form sent again (a reload) is not stored twice. */
  submissionKey: text("submission_key").unique(),
  createdAt: ts("created_at").notNull().defaultNow(),
});

export const auditLog = pgTable(
  "audit_log",
  {
    // Time-ordered, so entries of one millisecond still list in the order they were written.
    id: text("id").primaryKey().$defaultFn(timeOrderedId),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("audit_log_created_idx").on(t.createdAt)],
);
