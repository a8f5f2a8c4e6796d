import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * People whose account was deleted: the users row stays (so their posts keep an author, shown as
 * "former member"), but every personal field is erased. This row says so, and blocks any restore.
 */
export const userErasures = pgTable("user_erasures", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Who erased the account: an admin, or the member themselves (then equal to userId). */
  erasedById: text("erased_by_id"),
  erasedAt: ts("erased_at").notNull().defaultNow(),
});
export type UserErasure = typeof userErasures.$inferSelect;
