import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * What a post or message form created, under the one-time key the form carried (lib/submissions):
 * the same form sent again lands on it instead of creating it twice. Kept for a day.
 */
export const formSubmissions = pgTable(
  "form_submissions",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: uuid("key").notNull(),
    /** Where the form writes, e.g. `forum:thread:12`: the same text there right after counts as sent. */
    scope: text("scope").notNull(),
    /** Hash of the form's text fields. */
    fingerprint: text("fingerprint").notNull(),
    /** Where the first submission landed; set in the transaction that created it. */
    targetUrl: text("target_url"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    index("form_submissions_scope_idx").on(t.scope, t.createdAt.desc()),
  ],
);
export type FormSubmission = typeof formSubmissions.$inferSelect;
export type NewFormSubmission = typeof formSubmissions.$inferInsert;
