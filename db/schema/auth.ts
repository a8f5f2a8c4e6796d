import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { Role } from "./enums";

/** pending: applied, waiting for approval · approved: member · rejected · blocked: sessions ended, no sign-in. */
export const USER_STATUSES = ["pending", "approved", "rejected", "blocked"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text("name"),
    email: text("email").notNull().unique(),
    emailVerified: ts("email_verified"),
    image: text("image"),
    role: text("role").$type<Role>().notNull().default("member"),
    status: text("status").$type<UserStatus>().notNull().default("pending"),
    locale: text("locale").notNull().default("de"),
    invitedById: text("invited_by_id"),
    approvedAt: ts("approved_at"),
    /** While blocked: the status to give back on unblocking (an applicant returns to the queue). */
    statusBeforeBlock: text("status_before_block").$type<Exclude<UserStatus, "blocked">>(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("users_status_idx").on(t.status, t.createdAt),
    // The newest members (the home page), read backwards: ORDER BY approved_at DESC, id DESC.
    index("users_approved_idx").on(t.status, t.approvedAt, t.id),
    // The admin area's list of accounts, newest first.
    index("users_created_idx").on(t.createdAt, t.id),
  ],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: ts("expires").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);
export type Session = typeof sessions.$inferSelect;

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: ts("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);
