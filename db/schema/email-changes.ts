import { sql } from "drizzle-orm";
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * A member's requested new sign-in address, waiting for the link mailed to it (at most one per
 * member). Only the tokens' hashes are stored; the row goes when a link is used or the member cancels.
 */
export const emailChanges = pgTable("email_changes", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  newEmail: text("new_email").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  /**
   * Hashes of the links mailed to the same address before (newest first, at most
   * EARLIER_LINKS_KEPT): a second "send again" must not break the link in the mail that arrives first.
   */
  earlierTokenHashes: text("earlier_token_hashes").array().notNull().default(sql`'{}'::text[]`),
  expiresAt: ts("expires_at").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});
export type EmailChange = typeof emailChanges.$inferSelect;
export type NewEmailChange = typeof emailChanges.$inferInsert;
