import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * A member's requested new sign-in address, waiting for the link mailed to it (at most one per
 * member). Only the token's hash is stored; the row goes when the link is used or the member cancels.
 */
export const emailChanges = pgTable("email_changes", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  newEmail: text("new_email").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: ts("expires_at").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
});
export type EmailChange = typeof emailChanges.$inferSelect;
export type NewEmailChange = typeof emailChanges.$inferInsert;
