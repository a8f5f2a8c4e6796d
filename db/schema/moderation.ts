import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const REPORT_STATUSES = ["open", "hidden", "restored", "deleted", "dismissed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A member's report of some content ("post", "message", …), waiting in /admin/moderation. */
export const reports = pgTable(
  "reports",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    reporterId: text("reporter_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    status: text("status").$type<ReportStatus>().notNull().default("open"),
    resolvedById: text("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: ts("resolved_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("reports_status_idx").on(t.status, t.createdAt),
    index("reports_subject_idx").on(t.subjectType, t.subjectId),
  ],
);
export type Report = typeof reports.$inferSelect;
export type NewReport = typeof reports.$inferInsert;
