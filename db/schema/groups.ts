import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A working group (Arbeitskreis): a named set of members; forum categories can be restricted to one. */
export const workingGroups = pgTable("working_groups", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  createdAt: ts("created_at").notNull().defaultNow(),
});
export type WorkingGroup = typeof workingGroups.$inferSelect;
export type NewWorkingGroup = typeof workingGroups.$inferInsert;

export const workingGroupMembers = pgTable(
  "working_group_members",
  {
    groupId: text("group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index("working_group_members_user_idx").on(t.userId),
  ],
);
export type WorkingGroupMember = typeof workingGroupMembers.$inferSelect;
