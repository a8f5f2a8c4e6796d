import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";
import type { EmailMode, NotificationKind } from "./enums";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * none: no mail wanted · pending: an immediate mail is due at email_due_at · digest: waits for the
 * daily digest · sending: claimed by a job (a lease, see email_claimed_at) · sent · skipped: read or
 * no longer visible before the mail went out.
 */
export const EMAIL_STATUSES = ["none", "pending", "digest", "sending", "sent", "skipped"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** One in-app notification for one recipient; it is also the outbox of its e-mail. */
export const notifications = pgTable(
  "notifications",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").$type<NotificationKind>().notNull(),
    /** Site-relative link to the item, e.g. "/messages/<id>#m-<id>". */
    url: text("url").notNull(),
    /** Groups a burst ("conversation:<id>", "thread:<id>"): one mail, one line in the centre. */
    subjectKey: text("subject_key").notNull(),
    params: jsonb("params").$type<Record<string, string>>().notNull().default({}),
    /** How many events this line stands for: a burst (ten new messages) stays one line and one mail. */
    count: integer("count").notNull().default(1),
    createdAt: ts("created_at").notNull().defaultNow(),
    readAt: ts("read_at"),
    emailStatus: text("email_status").$type<EmailStatus>().notNull().default("none"),
    emailDueAt: ts("email_due_at"),
    emailClaimedAt: ts("email_claimed_at"),
    emailedAt: ts("emailed_at"),
  },
  (t) => [
    index("notifications_recipient_idx").on(
      t.recipientId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("notifications_unread_idx").on(t.recipientId, t.subjectKey).where(sql`read_at IS NULL`),
    index("notifications_email_idx")
      .on(t.emailStatus, t.emailDueAt)
      .where(sql`email_status IN ('pending', 'digest', 'sending')`),
  ],
);
export type Notification = typeof notifications.$inferSelect;

/** A member's e-mail choices; without a row every kind uses its default (see lib/notifications/kinds.ts). */
export const notificationPreferences = pgTable("notification_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Chosen modes by kind; kinds missing here use the default. */
  modes: jsonb("modes").$type<Partial<Record<NotificationKind, EmailMode>>>().notNull().default({}),
  /** Hour (0–23, Europe/Berlin) of the daily digest. */
  digestHour: smallint("digest_hour").notNull().default(7),
  lastDigestAt: ts("last_digest_at"),
  /** Bumped to invalidate every one-click turn-off link mailed so far. */
  tokenVersion: integer("token_version").notNull().default(1),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});
export type NotificationPreferences = typeof notificationPreferences.$inferSelect;
